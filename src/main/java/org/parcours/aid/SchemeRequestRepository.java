package org.parcours.aid;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchemeRequestRepository extends JpaRepository<SchemeRequest, Long> {

    List<SchemeRequest> findByRequestIdOrderByRowAsc(long requestId);

    List<SchemeRequest> findByRequestIdIn(Collection<Long> requestIds);
}
