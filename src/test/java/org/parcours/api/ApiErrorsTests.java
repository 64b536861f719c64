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

/** A save that lost to concurrent saves after every retry is a 409 the client can act on; other database failures stay 500s. */
class ApiErrorsTests {

    private final ApiErrors errors = new ApiErrors(new org.parcours.ui.ParcoursI18nProvider());
    private final SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);

    @Test
    void aDeadlockOrCertificationFailureAfterTheRetriesIsAConflict() {
        assertThat(errors.concurrentSave(new CannotAcquireLockException("flush", deadlock)).getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        // seen on Galera: a lazy load inside the save was the statement refused, so Hibernate's exception came untranslated
        assertThat(errors.concurrentSave(new LockAcquisitionException("could not execute", deadlock)).getDetail()).contains("send it again");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNotCalledAConflict() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("down", new SQLException("Socket error", "08000", 0));
        assertThatThrownBy(() -> errors.concurrentSave(down)).isSameAs(down);
    }
}
