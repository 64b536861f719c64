package org.parcours.clients;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, Long> {

    List<Client> findByTeamIdInOrderByLastNameAscFirstNameAsc(Collection<Long> teamIds);

    List<Client> findAllByOrderByLastNameAscFirstNameAsc();

    /** The file carrying a national register number (unique key), if any. */
    Optional<Client> findFirstByNationalRegisterNumber(String nationalRegisterNumber);

    /** A client with its household in one statement, for the access checks that return its summary. */
    @EntityGraph(attributePaths = "household")
    Optional<Client> findWithHouseholdById(long id);
}
