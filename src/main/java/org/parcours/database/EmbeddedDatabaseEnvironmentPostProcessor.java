package org.parcours.database;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When no {@code spring.datasource.url} is configured, starts an embedded MariaDB whose data
 * survives restarts (folder {@code parcours.embedded-db.dir}) and points the datasource at it.
 * With {@code SPRING_DATASOURCE_URL} (or the property) set, it does nothing.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "parcours-embedded-mariadb";

    private final Log log;

    public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("parcours.embedded-db.dir",
                System.getProperty("user.home") + "/.parcours/mariadb")).toAbsolutePath();
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(dataDir, true);
        log.info("No spring.datasource.url configured: embedded MariaDB (" + EmbeddedMariaDb.DATABASE_VERSION
                + ") listening on 127.0.0.1:" + db.port() + ", data kept in " + db.dataDir()
                + " (set parcours.embedded-db.dir to move it, or SPRING_DATASOURCE_URL to use your own server)");
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", db.jdbcUrl("parcours"),
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                // the first start on this database shows the demo (org.parcours.demo.FirstStartDemo)
                "parcours.embedded-db.active", "true")));
        // A command-line run must not leave mariadbd keeping the JVM alive.
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                EmbeddedMariaDb.stopRunning();
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
