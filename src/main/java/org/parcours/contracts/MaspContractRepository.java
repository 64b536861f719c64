package org.parcours.contracts;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaspContractRepository extends JpaRepository<MaspContract, Long> {

    List<MaspContract> findByClientIdOrderByCreatedAtDesc(long clientId);

    List<MaspContract> findByClientIdInOrderByCreatedAtDesc(Collection<Long> clientIds);

    List<MaspContract> findByClientIdInAndStatusInOrderByEndDateAsc(Collection<Long> clientIds, Collection<ContractStatus> statuses);
}
