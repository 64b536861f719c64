package org.parcours.security;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and teams; the source of Spring Security's user details. */
@Service
public class UserAccounts implements UserDetailsService {

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(AppUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(UserNames.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return new SignedInAccount(user.getId(), user.getSecurityStamp(), user.getUsername(), user.getPasswordHash(), user.isEnabled(),
                user.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Transactional(readOnly = true)
    public UserContext context(String username) {
        AppUser user = users.findForContext(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user " + username));
        return new UserContext(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getTeams().stream().map(Team::getId).collect(Collectors.toSet()));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return users.count() == 0;
    }

    /**
     * The signed-in user's context, refused once the account is disabled (its session is ended by
     * {@link SessionStampFilter} within {@link SessionStamps#MAX_AGE}; services refuse it at once).
     */
    @Transactional(readOnly = true)
    UserContext activeContext(String username) {
        AppUser user = users.findForContext(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user " + username));
        if (!user.isEnabled()) {
            throw new org.springframework.security.access.AccessDeniedException("The account of " + username + " is disabled");
        }
        return new UserContext(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getTeams().stream().map(Team::getId).collect(Collectors.toSet()));
    }

    /**
     * The roles each of these users holds today (an unknown name, such as a job's, is left out):
     * for a list of who read a file, which names the role beside the person.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Set<Role>> rolesOf(java.util.Collection<String> usernames) {
        java.util.Map<String, Set<Role>> roles = new java.util.TreeMap<>();
        for (String name : new java.util.TreeSet<>(usernames)) {
            users.findByUsername(name).ifPresent(u -> roles.put(name, Set.copyOf(u.getRoles())));
        }
        return roles;
    }

    /** Creates a user with a hashed password (for the demo users and tests); creates the named teams when missing. */
    @Transactional
    public UserContext create(String typedName, String rawPassword, String displayName, Set<Role> roles, Set<String> teamNames) {
        String username = UserNames.normalise(typedName);
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("A user named '" + username + "' already exists");
        }
        Set<Team> userTeams = teamNames.stream()
                .map(name -> teams.findByName(name).orElseGet(() -> teams.save(new Team(name))))
                .collect(Collectors.toSet());
        users.save(new AppUser(username, passwordEncoder.encode(rawPassword), displayName, roles, userTeams));
        return context(username);
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllByOrderByUsername().stream().map(UserAccounts::summary).toList();
    }

    private static UserSummary summary(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(),
                u.getTeams().stream().map(Team::getName).sorted(Comparator.naturalOrder()).toList(), u.isEnabled());
    }

    @Transactional(readOnly = true)
    public List<Team> teamsOf(UserContext user) {
        return teams.findAllById(user.teamIds()).stream().sorted(Comparator.comparing(Team::getName)).toList();
    }

    /** Every team, by name (for administrators). */
    @Transactional(readOnly = true)
    public List<Team> allTeams() {
        return teams.findAll().stream().sorted(Comparator.comparing(Team::getName)).toList();
    }

    /** The enabled users with the WORKER role who belong to the team, by display name. */
    @Transactional(readOnly = true)
    public List<UserSummary> workersOf(long teamId) {
        return users.findAllByOrderByUsername().stream()
                .filter(u -> u.isEnabled() && u.getRoles().contains(Role.WORKER))
                .filter(u -> u.getTeams().stream().anyMatch(t -> t.getId() == teamId))
                .map(UserAccounts::summary)
                .sorted(Comparator.comparing(UserSummary::displayName))
                .toList();
    }

    /** Whether the user exists, is enabled, has the WORKER role and belongs to the team. */
    @Transactional(readOnly = true)
    public boolean isWorkerOf(long userId, long teamId) {
        return users.findById(userId)
                .filter(u -> u.isEnabled() && u.getRoles().contains(Role.WORKER))
                .map(u -> u.getTeams().stream().anyMatch(t -> t.getId() == teamId))
                .orElse(false);
    }

    /**
     * The stored name of the user a name designates, as typed in a file (any case, accents as
     * {@link UserNames} folds them), when such a user exists, enabled or not: a past measurement
     * may be by a worker who has left since.
     */
    @Transactional(readOnly = true)
    public Optional<String> existingUsername(String typed) {
        String name = UserNames.normalise(typed);
        return name.isEmpty() ? Optional.empty() : users.findByUsername(name).map(AppUser::getUsername);
    }

    /** User id to display name, for every user. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames() {
        return users.findDisplayNames().stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1], (a, b) -> a));
    }

    /** One user's display name, in one statement. */
    @Transactional(readOnly = true)
    public Optional<String> displayName(long userId) {
        return users.findDisplayName(userId);
    }
}
