package org.parcours.testsupport;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each application context (Vaadin's security configuration) installs its own strategy as the
 * JVM-wide {@link SecurityContextHolder} strategy when it starts. When the suite goes back to an
 * earlier cached context, Spring Security's test support signs the user in through that context's
 * strategy while the application reads the JVM-wide one: "not signed in". Before each test, the
 * test's own context's strategy is made the JVM-wide one again, so any number of contexts (other
 * properties, a web server on a random port) can share a run. Runs before
 * {@code WithSecurityContextTestExecutionListener}.
 */
public class SecurityStrategyTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        install(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        install(testContext);
    }

    private static void install(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }

    @Override
    public int getOrder() {
        return 9_000;
    }
}
