package org.parcours.security;

import java.util.List;
import java.util.Set;

/** A user as listed for administrators. */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, List<String> teams, boolean enabled) {
}
