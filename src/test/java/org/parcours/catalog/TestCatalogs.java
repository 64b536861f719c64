package org.parcours.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A catalog over a forms folder of a test's own: to the folder, another application node. */
public final class TestCatalogs {

    private static final AtomicInteger NODES = new AtomicInteger();

    private TestCatalogs() {
    }

    public static FormCatalog over(Path formsDir, ApplicationContext context) {
        return new FormCatalog(context.getBean(FormVersionRepository.class), context.getBean(TransactionTemplate.class),
                context.getBean(AuditLog.class), Clock.systemUTC(), context.getBean(JdbcTemplate.class),
                new NodeName("test-node-" + NODES.incrementAndGet()), formsDir.toString());
    }
}
