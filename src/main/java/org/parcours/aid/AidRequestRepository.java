package org.parcours.aid;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AidRequestRepository extends JpaRepository<AidRequest, Long> {

    List<AidRequest> findBySubmissionIdIn(Collection<Long> submissionIds);
}
