package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;

/**
 * A save that lost to concurrent saves after every retry is a 409 the client can act on; a database
 * out of reach is a 503 that says whether anything may have been stored; other database failures stay 500s.
 */
class ApiErrorsTests {

    private final ApiErrors errors = new ApiErrors(new org.parcours.ui.ParcoursI18nProvider());
    private final SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);

    @Test
    void aDeadlockOrCertificationFailureAfterTheRetriesIsAConflict() {
        assertThat(errors.databaseFailure(new CannotAcquireLockException("flush", deadlock)).getStatusCode().value()).isEqualTo(HttpStatus.CONFLICT.value());
        // seen on Galera: a lazy load inside the save was the statement refused, so Hibernate's exception came untranslated
        assertThat(errors.databaseFailure(new LockAcquisitionException("could not execute", deadlock)).getBody().getDetail()).contains("send it again");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNotCalledAConflictButUnavailableWithNothingSaved() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("down", new SQLException("Socket error", "08000", 0));
        var answer = errors.databaseFailure(down);
        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:parcours:problem:database-unavailable");
        assertThat(answer.getBody().getDetail()).contains("nothing of this request was saved");
    }

    @Test
    void aConnectionLostDuringTheCommitSaysTheRequestMayHaveBeenStored() {
        SQLException lost = new java.sql.SQLNonTransientConnectionException("Socket error", "08000");
        lost.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.mariadb.jdbc.Connection", "commit", "Connection.java", 1)});
        var answer = errors.databaseFailure(new org.springframework.transaction.TransactionSystemException("Could not commit", lost));
        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:parcours:problem:outcome-unknown");
        assertThat(answer.getBody().getDetail()).contains("may have been saved").contains("Read it back");
    }

    @Test
    void otherDatabaseFailuresAreLeftToTheGeneralHandling() {
        org.springframework.dao.DataIntegrityViolationException duplicate = new org.springframework.dao.DataIntegrityViolationException("dup",
                new SQLException("Duplicate entry", "23000", 1062));
        assertThatThrownBy(() -> errors.databaseFailure(duplicate)).isSameAs(duplicate);
    }
}
