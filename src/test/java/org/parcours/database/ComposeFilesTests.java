package org.parcours.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped compose files set up the two database users of docs/security.md: Flyway migrates as
 * the schema's owner, the application connects as a user granted per table (append-only audit
 * trail) by {@code ApplicationUserGrants}, and the MariaDB container creates both users from the
 * mounted init script. Read as YAML, as docker-compose would.
 */
class ComposeFilesTests {

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
    void theApplicationConnectsAsItsOwnUserAndFlywayAsTheOwner(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of(file)));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> db = map(services.get("db"));
        assertThat(list(db.get("volumes"))).as(file + ": the init script is mounted")
                .anyMatch(v -> String.valueOf(v).contains("/docker-entrypoint-initdb.d"));
        assertThat(map(db.get("environment"))).as(file + ": MariaDB's own user is not the application's")
                .doesNotContainKey("MARIADB_USER");

        List<String> apps = services.keySet().stream().filter(name -> name.startsWith("app")).toList();
        assertThat(apps).isNotEmpty();
        for (String app : apps) {
            Map<String, Object> env = map(map(services.get(app)).get("environment"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(file + " " + app).isEqualTo("parcours_app");
            assertThat(env.get("SPRING_FLYWAY_USER")).as(file + " " + app).isEqualTo("parcours_owner");
            assertThat(env).containsKeys("SPRING_FLYWAY_PASSWORD", "SPRING_DATASOURCE_PASSWORD");
            assertThat(env.get("PARCOURS_DATABASE_APP_USER")).as(file + " " + app).isEqualTo("'parcours_app'@'%'");
        }
        Path script = Path.of("docker/mariadb-init/10-parcours-users.sh");
        assertThat(script).exists();
        assertThat(Files.readString(script)).contains("parcours_owner", "parcours_app", "WITH GRANT OPTION")
                .doesNotContain("GRANT ALL PRIVILEGES ON `parcours`.* TO 'parcours_app'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
