package org.parcours.clients;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, Long> {

    List<Client> findByTeamIdInOrderByLastNameAscFirstNameAsc(Collection<Long> teamIds);

    List<Client> findAllByOrderByLastNameAscFirstNameAsc();

    boolean existsByNationalRegisterNumber(String nationalRegisterNumber);

    boolean existsByNationalRegisterNumberAndIdNot(String nationalRegisterNumber, Long id);
}
