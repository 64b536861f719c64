package org.parcours.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByTargetTypeAndTargetIdOrderByIdAsc(String targetType, String targetId);

    List<AuditEvent> findByActorAndActionOrderByIdAsc(String actor, String action);
}
