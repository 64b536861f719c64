package org.parcours.submissions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRevisionRepository extends JpaRepository<SubmissionRevision, Long> {

    List<SubmissionRevision> findBySubmissionIdOrderByNumberAsc(long submissionId);

    Optional<SubmissionRevision> findFirstBySubmissionIdOrderByNumberDesc(long submissionId);

    Optional<SubmissionRevision> findBySubmissionIdAndNumber(long submissionId, int number);

    /** The ids of the submissions of a kind of these clients with a submitted revision. */
    @Query("""
            select distinct s.id from Submission s, SubmissionRevision r
            where r.submissionId = s.id and r.status = org.parcours.submissions.RevisionStatus.SUBMITTED
              and s.kind = :kind and s.clientId in :clientIds""")
    List<Long> submittedIds(SubmissionKind kind, Collection<Long> clientIds);

    /** Per client, when its last revision of a submission of a kind on one of these form versions was submitted. */
    @Query("""
            select s.clientId, max(r.submittedAt) from Submission s, SubmissionRevision r
            where r.submissionId = s.id and r.status = org.parcours.submissions.RevisionStatus.SUBMITTED
              and s.kind = :kind and s.clientId in :clientIds and s.formVersionId in :versionIds
            group by s.clientId""")
    List<Object[]> lastSubmitted(SubmissionKind kind, Collection<Long> clientIds, Collection<Long> versionIds);

    /**
     * Per submission of a kind of these clients on these form versions, its latest submitted
     * revision's submission time and, when answered, its answer at the version's measurement date
     * item ({@code dateKeys}: {@code versionId:itemId}; {@code dateItems}: those item ids). One row
     * per submission, no other answer read: client id, submitted at, date answer (or null).
     */
    @Query(nativeQuery = true, value = """
            SELECT s.client_id, r.submitted_at, a.answer_value
            FROM submission s JOIN submission_revision r ON r.submission_id = s.id AND r.status = 'SUBMITTED'
              LEFT JOIN submission_answer a ON a.revision_id = r.id AND a.item_id IN (:dateItems)
                AND CONCAT(s.form_version_id, ':', a.item_id) IN (:dateKeys)
            WHERE s.kind = :kind AND s.client_id IN (:clientIds) AND s.form_version_id IN (:versionIds)
              AND r.revision_number = (SELECT MAX(r2.revision_number) FROM submission_revision r2
                                       WHERE r2.submission_id = r.submission_id AND r2.status = 'SUBMITTED')""")
    List<Object[]> lastSubmittedWithDate(String kind, Collection<Long> clientIds, Collection<Long> versionIds,
                                         Collection<String> dateItems, Collection<String> dateKeys);
}
