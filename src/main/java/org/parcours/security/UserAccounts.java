package org.parcours.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isEnabled())
                .authorities(user.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }

    @Transactional(readOnly = true)
    public UserContext context(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user " + username));
        return new UserContext(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getTeams().stream().map(Team::getId).collect(Collectors.toSet()));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return users.count() == 0;
    }

    /** Creates a user with a hashed password; creates the named teams when missing. */
    @Transactional
    public UserContext create(String username, String rawPassword, String displayName, Set<Role> roles, Set<String> teamNames) {
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
        return users.findAllByOrderByUsername().stream()
                .map(u -> new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(),
                        u.getTeams().stream().map(Team::getName).sorted(Comparator.naturalOrder()).toList(), u.isEnabled()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Team> teamsOf(UserContext user) {
        return teams.findAllById(user.teamIds()).stream().sorted(Comparator.comparing(Team::getName)).toList();
    }
}
