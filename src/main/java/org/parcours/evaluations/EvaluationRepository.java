package org.parcours.evaluations;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

    List<Evaluation> findByClientIdOrderByCreatedAtDesc(long clientId);

    List<Evaluation> findByClientIdInAndStatusInOrderByUpdatedAtDesc(Collection<Long> clientIds, Collection<EvaluationStatus> statuses);

    /** Per client, when its last revision of one of these form versions was submitted. */
    @Query("""
            select e.clientId, max(r.submittedAt) from Evaluation e, EvaluationRevision r
            where r.evaluationId = e.id and r.status = org.parcours.evaluations.RevisionStatus.SUBMITTED
              and e.clientId in :clientIds and e.formVersionId in :versionIds
            group by e.clientId""")
    List<Object[]> lastSubmitted(Collection<Long> clientIds, Collection<Long> versionIds);
}
