package org.parcours.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    private boolean enabled = true;

    /** Bumped whenever the user's open sessions must end (see {@link SessionStamps}). */
    @Column(name = "security_stamp")
    private long securityStamp;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "app_user_team", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    private Set<Team> teams = new HashSet<>();

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, Set<Role> roles, Set<Team> teams) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = EnumSet.copyOf(roles);
        this.teams = new HashSet<>(teams);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Role> getRoles() {
        return roles;
    }

    Set<Team> getTeams() {
        return teams;
    }

    long getSecurityStamp() {
        return securityStamp;
    }

    /** Changes name, roles and teams; returns whether roles or teams changed (the stamp is then bumped). */
    boolean change(String displayName, Set<Role> roles, Set<Team> teams) {
        boolean rights = !this.roles.equals(EnumSet.copyOf(roles)) || !teamIds(this.teams).equals(teamIds(teams));
        this.displayName = displayName;
        this.roles = EnumSet.copyOf(roles);
        this.teams = new HashSet<>(teams);
        if (rights) {
            securityStamp++;
        }
        return rights;
    }

    private static Set<Long> teamIds(Set<Team> teams) {
        Set<Long> ids = new HashSet<>();
        teams.forEach(t -> ids.add(t.getId()));
        return ids;
    }

    void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            securityStamp++;
        }
        this.enabled = enabled;
    }

    /** A new password ends the user's open sessions. */
    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        securityStamp++;
    }
}
