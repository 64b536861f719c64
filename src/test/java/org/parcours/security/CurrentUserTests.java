package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.parcours.security.UserAdministration.NewUser;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in user's account is read once per transaction (a save checks the user, the client
 * and writes), and again in the next one: a disabled account is refused at its next action.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class CurrentUserTests {

    @Autowired
    CurrentUser currentUser;

    @Autowired
    UserAdministration admin;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theAccountIsReadOncePerTransactionAndADisabledOneIsRefusedInTheNext() {
        String name = "once-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        UserSummary user = admin.create(new NewUser(name, "Test " + name, Set.of(Role.COMMITTEE), Set.of(),
                Optional.of("a-long-Password-1"))).user();
        var adminAuthentication = SecurityContextHolder.getContext().getAuthentication();
        Statistics stats = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        try {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(name, null, java.util.List.of()));
            stats.clear();
            transactions.executeWithoutResult(status -> {
                UserContext first = currentUser.require();
                UserContext second = currentUser.require();
                assertThat(second).isEqualTo(first);
                assertThat(first.username()).isEqualTo(name);
            });
            assertThat(stats.getPrepareStatementCount()).as("one read of the account in one transaction").isEqualTo(1);

            SecurityContextHolder.getContext().setAuthentication(adminAuthentication);
            admin.setEnabled(user.id(), false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(name, null, java.util.List.of()));
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> currentUser.require()))
                    .as("the next transaction reads the account again").isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(currentUser::require).as("outside a transaction too").isInstanceOf(AccessDeniedException.class);
        } finally {
            stats.setStatisticsEnabled(false);
            SecurityContextHolder.getContext().setAuthentication(adminAuthentication);
        }
    }
}
