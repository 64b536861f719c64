package org.parcours.contracts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    List<Escalation> findByClientIdOrderByRecordedAtDesc(long clientId);
}
