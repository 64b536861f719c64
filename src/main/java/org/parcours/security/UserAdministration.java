package org.parcours.security;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage users, their roles and teams (docs/decisions/0011). Every change is audited with the
 * state before and after; a password is never written to the audit trail. The rules a person can
 * trip over are refused with a message key: a login taken or looking like a taken one, a worker
 * without a team, the last active administrator disabled or losing the role, an administrator
 * disabling or demoting themself. Disabling, a change of roles or teams and a password reset end
 * the user's open sessions on every node (the security stamp, {@link SessionStamps}); disabling
 * and a password reset also revoke the user's API tokens.
 */
@Service
public class UserAdministration {

    /** The shortest password an administrator may set. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int TEAM_NAME_MAX = 120;

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SessionStamps stamps;
    private final ApiTokens tokens;
    private final SecureRandom random = new SecureRandom();

    UserAdministration(AppUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder, CurrentUser currentUser,
                       AuditLog audit, SessionStamps stamps, ApiTokens tokens) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.stamps = stamps;
        this.tokens = tokens;
    }

    /** A change refused for a reason the administrator can act on; {@code key} is a message key. */
    public static final class RefusedException extends RuntimeException {

        private final String key;
        private final transient Object[] args;

        public RefusedException(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** A new user; an empty password means one is generated and returned once. */
    public record NewUser(String username, String displayName, Set<Role> roles, Set<Long> teamIds, Optional<String> password) {
    }

    /** A created user and the generated password, if one was generated (to be shown once). */
    public record Created(UserSummary user, Optional<String> generatedPassword) {
    }

    /** A team with the number of its members. */
    public record TeamSummary(long id, String name, int members) {
    }

    @Transactional
    public Created create(NewUser user) {
        String admin = requireAdmin("new").username();
        String username = UserNames.normalise(user.username());
        // Latin letters only: another script's look-alike letters (Cyrillic a) would pass the accent folding below
        if (UserNames.hasControlOrFormat(user.username()) || !username.matches("[\\p{IsLatin}0-9][\\p{IsLatin}0-9._-]{2,59}")) {
            throw new RefusedException("admin.users.error.login", username);
        }
        String folded = UserNames.folded(username);
        users.findAllByOrderByUsername().stream().filter(u -> UserNames.folded(u.getUsername()).equals(folded)).findFirst()
                .ifPresent(u -> {
                    throw u.getUsername().equals(username) ? new RefusedException("admin.users.error.duplicate", username)
                            : new RefusedException("admin.users.error.lookalike", username, u.getUsername());
                });
        // anything else the database's collation holds equal to a taken name
        if (users.findByUsername(username).isPresent()) {
            throw new RefusedException("admin.users.error.duplicate", username);
        }
        String name = requireName(user.displayName());
        Set<Team> userTeams = teams(user.teamIds());
        checkRolesAndTeams(user.roles(), userTeams);
        Optional<String> generated = user.password().filter(p -> !p.isBlank()).isPresent() ? Optional.empty()
                : Optional.of(randomPassword());
        String password = generated.orElseGet(() -> user.password().orElseThrow());
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new RefusedException("admin.users.error.password", MIN_PASSWORD_LENGTH);
        }
        AppUser saved = users.save(new AppUser(username, passwordEncoder.encode(password), name, user.roles(), userTeams));
        audit.record(admin, AuditAction.USER_CREATED, "user", saved.getId(), "after: " + describe(saved)
                + (generated.isPresent() ? ", password generated" : ", password set by the administrator"));
        return new Created(summary(saved), generated);
    }

    /** Changes a user's name, roles and teams. */
    @Transactional
    public UserSummary change(long userId, String displayName, Set<Role> roles, Set<Long> teamIds) {
        UserContext admin = requireAdmin(userId);
        AppUser user = user(userId);
        String before = describe(user);
        Set<Team> userTeams = teams(teamIds);
        checkRolesAndTeams(roles, userTeams);
        if (user.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            refuseSelf(admin, user);
            if (user.isEnabled()) {
                requireAnotherAdmin(user);
            }
        }
        if (user.change(requireName(displayName), roles, userTeams)) {
            stamps.changed(userId);
        }
        users.saveAndFlush(user);
        audit.record(admin.username(), AuditAction.USER_CHANGED, "user", userId, "before: " + before + "; after: " + describe(user));
        return summary(user);
    }

    @Transactional
    public UserSummary setEnabled(long userId, boolean enabled) {
        UserContext me = requireAdmin(userId);
        String admin = me.username();
        AppUser user = user(userId);
        if (user.isEnabled() == enabled) {
            return summary(user);
        }
        if (!enabled) {
            refuseSelf(me, user);
            if (user.getRoles().contains(Role.ADMIN)) {
                requireAnotherAdmin(user);
            }
        }
        user.setEnabled(enabled);
        stamps.changed(userId);
        users.saveAndFlush(user);
        if (!enabled) {
            tokens.revokeAllOf(userId, admin, "the user was disabled");
        }
        audit.record(admin, enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, "user", userId,
                "before: " + (enabled ? "disabled" : "enabled") + "; after: " + (enabled ? "enabled" : "disabled") + " (" + user.getUsername() + ")");
        return summary(user);
    }

    /** Gives a user a new generated password, returned once; the old one stops working. */
    @Transactional
    public String resetPassword(long userId) {
        String admin = requireAdmin(userId).username();
        AppUser user = user(userId);
        String password = randomPassword();
        user.setPasswordHash(passwordEncoder.encode(password));
        stamps.changed(userId);
        users.saveAndFlush(user);
        tokens.revokeAllOf(userId, admin, "the password was reset");
        audit.record(admin, AuditAction.USER_PASSWORD_RESET, "user", userId, "password of " + user.getUsername() + " replaced");
        return password;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        requireAdmin("list");
        return users.findAllByOrderByUsername().stream().map(UserAdministration::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> teams() {
        requireAdmin("teams");
        List<AppUser> all = users.findAll();
        return teams.findAll().stream().sorted(Comparator.comparing(Team::getName))
                .map(t -> new TeamSummary(t.getId(), t.getName(),
                        (int) all.stream().filter(u -> u.getTeams().stream().anyMatch(m -> m.getId().equals(t.getId()))).count()))
                .toList();
    }

    @Transactional
    public TeamSummary createTeam(String name) {
        String admin = requireAdmin("new-team").username();
        String clean = requireTeamName(name, Optional.empty());
        Team team = teams.saveAndFlush(new Team(clean));
        audit.record(admin, AuditAction.TEAM_CREATED, "team", team.getId(), "after: " + clean);
        return new TeamSummary(team.getId(), clean, 0);
    }

    @Transactional
    public void renameTeam(long teamId, String name) {
        String admin = requireAdmin(teamId).username();
        Team team = teams.findById(teamId).orElseThrow(() -> new RefusedException("admin.teams.error.select"));
        String clean = requireTeamName(name, Optional.of(teamId));
        String before = team.getName();
        team.rename(clean);
        teams.saveAndFlush(team);
        audit.record(admin, AuditAction.TEAM_RENAMED, "team", teamId, "before: " + before + "; after: " + clean);
    }

    private String requireTeamName(String name, Optional<Long> self) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > TEAM_NAME_MAX) {
            throw new RefusedException("admin.teams.error.blank");
        }
        teams.findByName(clean).filter(t -> self.isEmpty() || !t.getId().equals(self.get())).ifPresent(t -> {
            throw new RefusedException("admin.teams.error.duplicate", clean);
        });
        return clean;
    }

    private static String requireName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new RefusedException("admin.users.error.name");
        }
        return name;
    }

    private static void checkRolesAndTeams(Set<Role> roles, Set<Team> userTeams) {
        if (roles.isEmpty()) {
            throw new RefusedException("admin.users.error.no-role");
        }
        if (roles.contains(Role.WORKER) && userTeams.isEmpty()) {
            throw new RefusedException("admin.users.error.worker-team");
        }
    }

    /** An administrator may not lock themself out (nor be left without a way back in). */
    private static void refuseSelf(UserContext admin, AppUser user) {
        if (admin.id() == user.getId()) {
            throw new RefusedException("admin.users.error.self");
        }
    }

    private void requireAnotherAdmin(AppUser user) {
        boolean another = users.findAll().stream().anyMatch(u -> !u.getId().equals(user.getId()) && u.isEnabled()
                && u.getRoles().contains(Role.ADMIN));
        if (!another) {
            throw new RefusedException("admin.users.error.last-admin", user.getUsername());
        }
    }

    private AppUser user(long userId) {
        return users.findById(userId).orElseThrow(() -> new RefusedException("admin.users.error.select"));
    }

    private Set<Team> teams(Set<Long> teamIds) {
        return new HashSet<>(teams.findAllById(teamIds));
    }

    private static String describe(AppUser user) {
        return user.getUsername() + " \"" + user.getDisplayName() + "\" roles " + new TreeSet<>(user.getRoles()) + " teams " + user.getTeams().stream().map(Team::getName).sorted()
                .collect(Collectors.joining(", ", "[", "]")) + (user.isEnabled() ? "" : " disabled");
    }

    private static UserSummary summary(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(),
                u.getTeams().stream().map(Team::getName).sorted(Comparator.naturalOrder()).toList(), u.isEnabled());
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private UserContext requireAdmin(Object target) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "user", target, "managing users is for administrators");
            throw new AccessDeniedException("Managing users is for administrators");
        }
        return user;
    }
}
