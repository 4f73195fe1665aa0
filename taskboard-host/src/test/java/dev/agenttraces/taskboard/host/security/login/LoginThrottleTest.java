package dev.agenttraces.taskboard.host.security.login;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(3, Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(60)),
            new LoginThrottle.Policy(10, Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(60)),
            100, clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void aFewFailuresAreFree() {
        fail("alice", "10.0.0.1", 3);
        assertThat(throttle.blockedFor("alice", "10.0.0.1")).isZero();
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheBlockUpToTheCeiling() {
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.blockedFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.blockedFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(4));
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.blockedFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(8));
        fail("alice", "10.0.0.1", 20);
        assertThat(throttle.blockedFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theBlockRunsOut() {
        fail("alice", "10.0.0.1", 4);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("alice", "10.0.0.1")).isZero();
    }

    @Test
    void aQuietWindowForgetsTheFailures() {
        fail("alice", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("alice", "10.0.0.1", 3);
        assertThat(throttle.blockedFor("alice", "10.0.0.1")).isZero();
    }

    @Test
    void usernamesCompareWithoutCaseOrPadding() {
        fail("Alice", "10.0.0.1", 2);
        fail(" alice ", "10.0.0.2", 2);
        assertThat(throttle.blockedFor("ALICE", "10.0.0.3")).isPositive();
    }

    @Test
    void oneAddressGuessingAtManyUsernamesIsBlocked() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.blockedFor("someone-else", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.blockedFor("someone-else", "10.0.0.8")).isZero();
    }

    @Test
    void aSuccessForgetsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        fail("alice", "10.0.0.1", 4);
        throttle.succeeded("alice");
        assertThat(throttle.blockedFor("alice", "10.0.0.1")).isZero();
        throttle.succeeded("user10");
        assertThat(throttle.blockedFor("user10", "10.0.0.9")).isPositive();
    }

    @Test
    void whenFullNewKeysGoUntrackedRatherThanEvictingBlockedOnes() {
        LoginThrottle small = new LoginThrottle(
                new LoginThrottle.Policy(0, Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                new LoginThrottle.Policy(100, Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                2, clock);
        small.failed("a", "10.0.0.1");
        small.failed("b", "10.0.0.1");
        small.failed("c", "10.0.0.1");
        assertThat(small.blockedFor("a", "x")).isPositive();
        assertThat(small.blockedFor("b", "x")).isPositive();
        assertThat(small.blockedFor("c", "x")).isZero();
        clock.advance(Duration.ofMinutes(20));
        small.failed("c", "10.0.0.1");
        assertThat(small.blockedFor("c", "x")).isPositive();
    }

    @Test
    void theDelayNeverOverflows() {
        LoginThrottle.Policy p = new LoginThrottle.Policy(0, Duration.ofDays(1), Duration.ofSeconds(2), Duration.ofHours(1));
        assertThat(LoginThrottle.delay(p, Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }
}
