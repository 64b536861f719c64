package org.parcours.testsupport;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin installs its security context strategy into the static {@link SecurityContextHolder} when
 * an application context starts. Test classes with their own context (e.g. a copy of forms/ through
 * {@code @DynamicPropertySource}) leave the static holder pointing at their strategy, while
 * {@code @WithUserDetails} in later classes fills the strategy bean of the cached context: services
 * would then see nobody signed in. Before each test, point the static holder at the strategy of
 * the test's own context.
 */
public class SecurityStrategyTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
