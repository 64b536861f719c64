package org.parcours.demo;

import org.parcours.clients.ClientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first start of the app on its embedded database (the README's first run) shows the whole
 * product: when that database has no client yet, a demo set with seed
 * {@code parcours.demo.first-start-seed} (1 unless set; 0 for none) is generated, as
 * {@code --parcours.demo.generate} would. Not with the {@code prod} profile, not on a database of
 * one's own (a configured {@code spring.datasource.url}), and not when a seed is given explicitly.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "parcours.embedded-db.active", havingValue = "true")
@Order(10)
class FirstStartDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartDemo.class);

    private final DemoDataGenerator generator;
    private final ClientService clients;
    private final long seed;
    private final boolean explicitSeed;
    private final DemoDataGenerator.Size size;

    FirstStartDemo(DemoDataGenerator generator, ClientService clients,
                   @Value("${parcours.demo.first-start-seed:1}") long seed,
                   @Value("${parcours.demo.generate:}") String explicitSeed,
                   @Value("${parcours.demo.teams:3}") int teams,
                   @Value("${parcours.demo.workers-per-team:2}") int workersPerTeam,
                   @Value("${parcours.demo.clients-per-team:20}") int clientsPerTeam,
                   @Value("${parcours.demo.years:3}") int years) {
        this.generator = generator;
        this.clients = clients;
        this.seed = seed;
        this.explicitSeed = !explicitSeed.isBlank();
        this.size = new DemoDataGenerator.Size(teams, workersPerTeam, clientsPerTeam, years);
    }

    @Override
    public void run(ApplicationArguments args) {
        run(clients.noClientYet());
    }

    /** Generates the first-start demo when the database has no client; whether it did. */
    boolean run(boolean noClientYet) {
        if (seed <= 0 || explicitSeed || !noClientYet) {
            return false;
        }
        log.info("The embedded database has no client yet: generating the demo set with seed {} (parcours.demo.first-start-seed=0 for none)", seed);
        try {
            generator.generate(seed, size);
            return true;
        } catch (DemoDataGenerator.AlreadyGeneratedException e) {
            log.error(e.getMessage());
            return false;
        }
    }
}
