package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.MutableClock;

/** The counting rules of the sign-in throttle, with time moved by hand. */
class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 10, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void theThirdFailureForANameLocksItForTheLockoutTimeThenItClears() {
        assertThat(throttle.failed("alice", "10.0.0.1")).isFalse();
        assertThat(throttle.failed("Alice", "10.0.0.2")).isFalse();
        assertThat(throttle.lockedFor("alice", "10.0.0.3")).isEmpty();

        assertThat(throttle.failed("alice ", "10.0.0.3")).as("the third failure starts the lockout").isTrue();

        assertThat(throttle.lockedFor("ALICE", "10.9.9.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("bob", "10.9.9.9")).as("other names are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(throttle.lockedFor("alice", "10.9.9.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("alice", "10.9.9.9")).isEmpty();
        assertThat(throttle.failed("alice", "10.0.0.1")).as("the count started again").isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        throttle.failed("carol", "10.0.0.1");
        throttle.failed("carol", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("carol", "10.0.0.1")).isFalse();
        assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInForgetsTheNamesFailures() {
        throttle.failed("dave", "10.0.0.1");
        throttle.failed("dave", "10.0.0.1");
        throttle.succeeded("dave");
        assertThat(throttle.failed("dave", "10.0.0.1")).isFalse();
        assertThat(throttle.lockedFor("dave", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryName() {
        for (int i = 0; i < 9; i++) {
            assertThat(throttle.failed("name" + i, "192.0.2.7")).isFalse();
        }
        assertThat(throttle.failed("name9", "192.0.2.7")).isTrue();

        assertThat(throttle.lockedFor("someone-else", "192.0.2.7")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void minutesLeftAreRoundedUp() {
        assertThat(LoginThrottleFilter.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(LoginThrottleFilter.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(LoginThrottleFilter.minutes(Duration.ofMinutes(15))).isEqualTo(15);
    }

    @Test
    void aNonsensicalConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new LoginThrottle(clock, 0, 10, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .hasMessageContaining("parcours.security.login");
    }
}
