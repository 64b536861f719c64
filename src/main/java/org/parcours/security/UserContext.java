package org.parcours.security;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is acting: what other modules need to know about the signed-in user. */
public record UserContext(long id, String username, String displayName, Set<Role> roles, Set<Long> teamIds) {

    public UserContext {
        roles = Set.copyOf(roles);
        teamIds = Set.copyOf(teamIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role names, as YAML's {@code sensitive} lists them (ADMIN, WORKER, COMMITTEE). */
    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this user may see the files of a client followed by {@code teamId}. */
    public boolean canSeeTeam(long teamId) {
        return has(Role.ADMIN) || teamIds.contains(teamId);
    }
}
