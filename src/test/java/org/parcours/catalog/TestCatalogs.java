package org.parcours.catalog;

import java.nio.file.Path;
import java.time.Clock;

import org.parcours.audit.AuditLog;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** A catalog over a forms folder of a test's own: to the folder, another application node. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static FormCatalog over(Path formsDir, ApplicationContext context) {
        return new FormCatalog(context.getBean(FormVersionRepository.class), context.getBean(TransactionTemplate.class),
                context.getBean(AuditLog.class), Clock.systemUTC(), formsDir.toString());
    }
}
