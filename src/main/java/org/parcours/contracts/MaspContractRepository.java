package org.parcours.contracts;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaspContractRepository extends JpaRepository<MaspContract, Long> {

    List<MaspContract> findByEndedOnIsNotNullOrEndDateIsNotNull();

    List<MaspContract> findBySubmissionIdIn(Collection<Long> submissionIds);

    List<MaspContract> findBySubmissionIdInAndStatusInOrderByEndDateAsc(Collection<Long> submissionIds, Collection<ContractStatus> statuses);
}
