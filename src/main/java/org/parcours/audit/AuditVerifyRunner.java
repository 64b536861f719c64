package org.parcours.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --parcours.audit.verify=all} (or {@code =ID}: from that row on), best with
 * {@code --server.port=0} (the application starts as usual, on a free port): checks the audit
 * trail's hash chain, prints the outcome (the first broken row, if any) and ends the program,
 * with exit code 0 when the chain is intact and 1 when it is broken. A command-line mode like the
 * demo data generation.
 */
@Component
@ConditionalOnProperty("parcours.audit.verify")
@Order(100)
class AuditVerifyRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifyRunner.class);

    private final AuditChainVerifier verifier;
    private final ConfigurableApplicationContext context;
    private final String from;

    AuditVerifyRunner(AuditChainVerifier verifier, ConfigurableApplicationContext context, @Value("${parcours.audit.verify}") String from) {
        this.verifier = verifier;
        this.context = context;
        this.from = from.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditChainVerifier.Report report = "all".equalsIgnoreCase(from) || from.isEmpty() || "true".equalsIgnoreCase(from)
                ? verifier.verify() : verifier.verifyFrom(Long.parseLong(from));
        // on standard output for scripts, and in the log
        System.out.println(report.describe());
        if (report.intact()) {
            log.info(report.describe());
        } else {
            log.error(report.describe());
        }
        int code = report.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
