package org.parcours.audit;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit trail: who read or changed what, and who was refused. */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records within the caller's transaction: the event exists only if the change does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditAction action, String targetType, Object targetId, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, targetType, String.valueOf(targetId), detail));
    }

    /** Records an event that belongs to no business transaction (e.g. a sign-in lockout), in its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, AuditAction action, String targetType, Object targetId, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, targetType, String.valueOf(targetId), detail));
    }

    /** Records a refused attempt in its own transaction, so it survives the caller's rollback. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenied(String actor, String targetType, Object targetId, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, AuditAction.ACCESS_DENIED, targetType, String.valueOf(targetId), detail));
    }
}
