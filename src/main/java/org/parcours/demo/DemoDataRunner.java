package org.parcours.demo;

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
 * {@code --parcours.demo.generate=SEED}: generates a demo data set at start-up (never with the
 * {@code prod} profile), then the application goes on serving. Size: {@code parcours.demo.teams},
 * {@code .workers-per-team}, {@code .clients-per-team}, {@code .years} (defaults 3, 2, 20, 3).
 * A seed already generated is refused with a log message; the application still starts.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty("parcours.demo.generate")
@Order(10)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoDataGenerator generator;
    private final long seed;
    private final DemoDataGenerator.Size size;

    DemoDataRunner(DemoDataGenerator generator,
                   @Value("${parcours.demo.generate}") long seed,
                   @Value("${parcours.demo.teams:3}") int teams,
                   @Value("${parcours.demo.workers-per-team:2}") int workersPerTeam,
                   @Value("${parcours.demo.clients-per-team:20}") int clientsPerTeam,
                   @Value("${parcours.demo.years:3}") int years) {
        this.generator = generator;
        this.seed = seed;
        this.size = new DemoDataGenerator.Size(teams, workersPerTeam, clientsPerTeam, years);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            log.info("Generating demo data with seed {} and size {}", seed, size);
            generator.generate(seed, size);
        } catch (DemoDataGenerator.AlreadyGeneratedException e) {
            log.error(e.getMessage());
        }
    }
}
