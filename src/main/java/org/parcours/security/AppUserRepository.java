package org.parcours.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** The user with roles and teams in one statement: read on every service call. */
    @Query("select distinct u from AppUser u left join fetch u.roles left join fetch u.teams where u.username = :username")
    Optional<AppUser> findForContext(String username);

    @Query("select u.id, u.displayName from AppUser u")
    List<Object[]> findDisplayNames();

    @Query("select u.displayName from AppUser u where u.id = :id")
    Optional<String> findDisplayName(long id);

    List<AppUser> findAllByOrderByUsername();
}
