package org.parcours.evaluations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationRevisionRepository extends JpaRepository<EvaluationRevision, Long> {

    List<EvaluationRevision> findByEvaluationIdOrderByNumberAsc(long evaluationId);

    Optional<EvaluationRevision> findFirstByEvaluationIdOrderByNumberDesc(long evaluationId);

    Optional<EvaluationRevision> findByEvaluationIdAndNumber(long evaluationId, int number);

    Optional<EvaluationRevision> findFirstByEvaluationIdInAndStatusOrderBySubmittedAtDesc(Collection<Long> evaluationIds,
                                                                                         RevisionStatus status);
}
