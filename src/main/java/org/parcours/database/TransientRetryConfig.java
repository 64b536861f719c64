package org.parcours.database;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wraps every {@link RetryOnTransientFailure} method in {@link TransientFailures#retry}, outside
 * its {@code @Transactional} (this advisor comes first in the same proxy), so that each attempt
 * is a transaction of its own. A call made while a transaction is already active runs once: its
 * rollback belongs to the outer unit of work, which is the one to retry.
 */
@Configuration(proxyBeanMethods = false)
class TransientRetryConfig {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transientRetryAdvisor() {
        MethodInterceptor retry = invocation -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return invocation.proceed();
            }
            String what = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
            return TransientFailures.retry(what, () -> {
                try {
                    // a clone per attempt: proceeding twice on one invocation would skip the transaction interceptor
                    return invocation instanceof ProxyMethodInvocation proxied ? proxied.invocableClone().proceed() : invocation.proceed();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(RetryOnTransientFailure.class), retry);
        // before the transaction advisor (lowest precedence by default): each attempt gets its own transaction
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
