package org.parcours.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method whose transaction is run again, a few times, when the database rolled it back
 * for a reason that a second try usually clears: a deadlock, a Galera certification failure (both
 * MariaDB error 1213, SQLState 40001) or a Galera node that is not ready yet (error 1047, the
 * writer having just changed). Put it beside {@code @Transactional} on the entry points users
 * save through; {@link TransientFailures} decides what is transient, {@link TransientRetryConfig}
 * wraps the call outside its transaction. The method is run again from the start, so it must
 * read what it needs inside its transaction and have no effect outside it before it commits.
 * Called inside a transaction that is already running, it is not retried on its own: the outer
 * unit of work is.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryOnTransientFailure {
}
