package org.parcours.evaluations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvaluationRevisionRepository extends JpaRepository<EvaluationRevision, Long> {

    List<EvaluationRevision> findByEvaluationIdOrderByNumberAsc(long evaluationId);

    Optional<EvaluationRevision> findFirstByEvaluationIdOrderByNumberDesc(long evaluationId);

    Optional<EvaluationRevision> findByEvaluationIdAndNumber(long evaluationId, int number);

    Optional<EvaluationRevision> findFirstByEvaluationIdInAndStatusOrderBySubmittedAtDesc(Collection<Long> evaluationIds,
                                                                                         RevisionStatus status);

    /**
     * The latest submitted revision of each evaluation of a client on these form versions, with
     * its answers fetched in the same statement, paired with the evaluation's form version id;
     * newest submission first. One row per answer: callers keep the first row of each revision.
     */
    @Query("""
            select r, e.formVersionId from EvaluationRevision r join Evaluation e on e.id = r.evaluationId
              left join fetch r.answers
            where e.clientId = :clientId and e.formVersionId in :versionIds
              and r.status = org.parcours.evaluations.RevisionStatus.SUBMITTED
              and r.number = (select max(r2.number) from EvaluationRevision r2
                              where r2.evaluationId = r.evaluationId and r2.status = org.parcours.evaluations.RevisionStatus.SUBMITTED)
            order by r.submittedAt desc, r.evaluationId desc""")
    List<Object[]> latestSubmittedWithAnswers(long clientId, Collection<Long> versionIds);

    /**
     * As {@link #latestSubmittedWithAnswers}, for several clients and every version of a form
     * (the versions are selected by form key in the same statement), paired with the evaluation's
     * form version id and client id.
     */
    @Query("""
            select r, e.formVersionId, e.clientId from EvaluationRevision r join Evaluation e on e.id = r.evaluationId
              left join fetch r.answers
            where e.clientId in :clientIds
              and e.formVersionId in (select v.id from FormVersion v where v.formKey = :formKey)
              and r.status = org.parcours.evaluations.RevisionStatus.SUBMITTED
              and r.number = (select max(r2.number) from EvaluationRevision r2
                              where r2.evaluationId = r.evaluationId and r2.status = org.parcours.evaluations.RevisionStatus.SUBMITTED)
            order by r.submittedAt desc, r.evaluationId desc""")
    List<Object[]> latestSubmittedWithAnswersOfClients(Collection<Long> clientIds, String formKey);
}
