package org.parcours.submissions;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByKindAndClientIdOrderByCreatedAtDesc(SubmissionKind kind, long clientId);

    List<Submission> findByKindAndClientIdInOrderByCreatedAtDesc(SubmissionKind kind, Collection<Long> clientIds);
}
