package org.parcours.contracts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractVersionRepository extends JpaRepository<ContractVersion, Long> {

    Optional<ContractVersion> findFirstByContractIdOrderByNumberDesc(long contractId);

    Optional<ContractVersion> findByContractIdAndNumber(long contractId, int number);

    List<ContractVersion> findByContractIdOrderByNumberAsc(long contractId);
}
