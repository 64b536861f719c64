# Runtime image for Parcours (the jar is NOT built inside this image).
#
# Build the jar first, then the image:
#   ./mvnw -DskipTests package
#   docker compose build
#
# The forms/ folder is copied to /app/forms as a default set; docker-compose.yml
# bind-mounts ./forms over it so administrators can edit forms on the host.
FROM eclipse-temurin:25-jre

# DejaVu: the PDF printouts embed it so every accented letter prints (fr, nl, names from anywhere)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*

RUN groupadd --system parcours \
    && useradd --system --gid parcours --home-dir /app --shell /usr/sbin/nologin parcours

WORKDIR /app

COPY target/parcours-*.jar /app/parcours.jar
COPY forms/ /app/forms/

RUN chown -R parcours:parcours /app

USER parcours

EXPOSE 8080

ENTRYPOINT ["java", "-jar", "/app/parcours.jar"]
