package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counting rules of the sign-in throttle, with time moved by hand, on the real tables. The
 * names and addresses carry a random suffix: the counts are shared by everything on the schema.
 */
@SpringBootTest
class LoginThrottleTests {

    private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle;
    private final JdbcTemplate jdbc;

    @Autowired
    LoginThrottleTests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.throttle = new LoginThrottle(clock, jdbc, 3, 10, Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    private String name(String base) {
        return base + "-" + run;
    }

    private String ip(String base) {
        return base + "/" + run;
    }

    @Test
    void theThirdFailureForANameLocksItForTheLockoutTimeThenItClears() {
        assertThat(throttle.failed(name("alice"), ip("10.0.0.1"))).isFalse();
        assertThat(throttle.failed(name("Alice"), ip("10.0.0.2"))).isFalse();
        assertThat(throttle.lockedFor(name("alice"), ip("10.0.0.3"))).isEmpty();

        assertThat(throttle.failed(name("alice") + " ", ip("10.0.0.3"))).as("the third failure starts the lockout").isTrue();

        assertThat(throttle.lockedFor(name("ALICE"), ip("10.9.9.9"))).contains(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor(name("bob"), ip("10.9.9.9"))).as("other names are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(throttle.lockedFor(name("alice"), ip("10.9.9.9"))).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor(name("alice"), ip("10.9.9.9"))).isEmpty();
        assertThat(throttle.failed(name("alice"), ip("10.0.0.1"))).as("the count started again").isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        throttle.failed(name("carol"), ip("10.0.0.1"));
        throttle.failed(name("carol"), ip("10.0.0.1"));
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed(name("carol"), ip("10.0.0.1"))).isFalse();
        assertThat(throttle.lockedFor(name("carol"), ip("10.0.0.1"))).isEmpty();
    }

    @Test
    void aSuccessfulSignInForgetsTheNamesFailures() {
        throttle.failed(name("dave"), ip("10.0.0.1"));
        throttle.failed(name("dave"), ip("10.0.0.1"));
        throttle.succeeded(name("dave"));
        assertThat(throttle.failed(name("dave"), ip("10.0.0.1"))).isFalse();
        assertThat(throttle.lockedFor(name("dave"), ip("10.0.0.1"))).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryName() {
        for (int i = 0; i < 9; i++) {
            assertThat(throttle.failed(name("name" + i), ip("192.0.2.7"))).isFalse();
        }
        assertThat(throttle.failed(name("name9"), ip("192.0.2.7"))).isTrue();

        assertThat(throttle.lockedFor(name("someone-else"), ip("192.0.2.7"))).isPresent();
        assertThat(throttle.lockedFor(name("someone-else"), ip("192.0.2.8"))).isEmpty();
    }

    @Test
    void failuresSpreadOverTwoNodesLockTheNameOnBoth() {
        LoginThrottle otherNode = new LoginThrottle(clock, jdbc, 3, 10, Duration.ofMinutes(15), Duration.ofMinutes(10));
        assertThat(throttle.failed(name("erin"), ip("10.0.0.1"))).isFalse();
        assertThat(otherNode.failed(name("erin"), ip("10.0.0.2"))).isFalse();
        assertThat(throttle.failed(name("erin"), ip("10.0.0.3"))).as("the third failure, wherever counted").isTrue();

        assertThat(otherNode.lockedFor(name("erin"), ip("10.0.0.4"))).contains(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor(name("erin"), ip("10.0.0.4"))).contains(Duration.ofMinutes(10));
    }

    @Test
    void aLockoutSurvivesARestartOfTheNode() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(name("frank"), ip("10.0.0.1"));
        }
        LoginThrottle restarted = new LoginThrottle(clock, jdbc, 3, 10, Duration.ofMinutes(15), Duration.ofMinutes(10));
        assertThat(restarted.lockedFor(name("frank"), ip("10.0.0.9"))).isPresent();
    }

    @Test
    void minutesLeftAreRoundedUp() {
        assertThat(SignInAuthentication.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(SignInAuthentication.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(SignInAuthentication.minutes(Duration.ofMinutes(15))).isEqualTo(15);
    }

    @Test
    void aNonsensicalConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new LoginThrottle(clock, jdbc, 0, 10, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .hasMessageContaining("parcours.security.login");
    }
}
