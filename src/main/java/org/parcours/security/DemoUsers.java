package org.parcours.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database outside the {@code prod} profile, creates one demo user per role with a
 * random password, and prints the logins once in the log. Never runs with the prod profile.
 */
@Component
@Profile("!prod")
@Order(0)
class DemoUsers implements ApplicationRunner {

    static final String TEAM_NORTH = "Équipe Nord";
    static final String TEAM_SOUTH = "Équipe Sud";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final String fixedPassword;
    private final SecureRandom random = new SecureRandom();

    /** @param fixedPassword {@code parcours.demo.password}: one password for all demo users instead of random ones */
    DemoUsers(UserAccounts accounts, @Value("${parcours.demo.password:}") String fixedPassword) {
        this.accounts = accounts;
        this.fixedPassword = fixedPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        record Demo(String username, String name, Role role, Set<String> teams) {
        }
        List<Demo> demos = List.of(
                new Demo("admin", "Administrateur démo", Role.ADMIN, Set.of()),
                new Demo("worker", "Travailleur social Nord", Role.WORKER, Set.of(TEAM_NORTH)),
                new Demo("worker2", "Travailleur social Sud", Role.WORKER, Set.of(TEAM_SOUTH)),
                new Demo("committee", "Membre du comité", Role.COMMITTEE, Set.of(TEAM_NORTH, TEAM_SOUTH)));
        List<String> lines = new ArrayList<>();
        for (Demo demo : demos) {
            String password = fixedPassword.isBlank() ? randomPassword() : fixedPassword;
            accounts.create(demo.username(), password, demo.name(), Set.of(demo.role()), demo.teams());
            lines.add(String.format("  %-10s %-10s password: %s", demo.username(), demo.role(), password));
        }
        log.warn("""

                ==== Parcours demo users (shown once; the database was empty) ====
                {}
                =================================================================""", String.join("\n", lines));
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
