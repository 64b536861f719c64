package org.parcours.privacy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --parcours.retention.dry-run=true}, best with {@code --server.port=0}: prints what the
 * retention run would erase or anonymise (counts per form and category, never a value), changes
 * nothing and ends the program. A command-line mode like the audit chain's verification.
 */
@Component
@ConditionalOnProperty(name = "parcours.retention.dry-run", havingValue = "true")
@Order(100)
class RetentionDryRunRunner implements ApplicationRunner {

    private final RetentionService retention;
    private final ConfigurableApplicationContext context;

    RetentionDryRunRunner(RetentionService retention, ConfigurableApplicationContext context) {
        this.retention = retention;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        RetentionService.Report report = retention.dryRunUnattended();
        report.lines().forEach(line -> System.out.println(line.formKey() + "\t" + line.categories() + "\t" + line.action().yamlName()
                + "\t" + line.clients() + " clients\t" + line.answers() + " answers"));
        System.out.println(report.summary());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
