package io.frontlineguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's counting, on a clock the test moves. */
class FailedLoginsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final FailedLogins failures = new FailedLogins(3, Duration.ofSeconds(60), 100, now::get);

    @Test
    void shouldThrottleAfterMaxFailuresUntilTheWindowEnds() {
        failures.failed("crm", "10.0.0.1");
        failures.failed("crm", "10.0.0.2");
        assertEquals(0, failures.userRetryAfter("crm"));
        failures.failed("crm", "10.0.0.3");
        assertEquals(60, failures.userRetryAfter("crm"));
        assertEquals(0, failures.addressRetryAfter("10.0.0.1"), "one failure from each address");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(1, failures.userRetryAfter("crm"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(0, failures.userRetryAfter("crm"));
    }

    @Test
    void shouldThrottleAnAddressWhateverUserNamesItTries() {
        for (int i = 0; i < 3; i++) {
            failures.failed("user-" + i, "10.0.0.9");
        }
        assertTrue(failures.addressRetryAfter("10.0.0.9") > 0);
        assertEquals(0, failures.userRetryAfter("user-0"));
    }

    @Test
    void shouldKeepBoundedStateUnderAFloodOfInventedNames() {
        for (int i = 0; i < 10_000; i++) {
            failures.failed("invented-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertTrue(failures.tracked() <= 200, "at most max-tracked user names and addresses: " + failures.tracked());
    }

    @Test
    void shouldSayNothingIsThrottledUntilAWindowReachesTheLimitAndAgainOnceItEnds() {
        assertFalse(failures.anyThrottled(), "no failure yet");
        failures.failed("crm", "10.0.0.1");
        failures.failed("crm", "10.0.0.1");
        assertFalse(failures.anyThrottled(), "below the limit");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        failures.failed("crm", "10.0.0.1");
        assertTrue(failures.anyThrottled());
        assertEquals(30, failures.addressRetryAfter("10.0.0.1"));
        failures.failed("other", "10.0.0.2");
        failures.failed("other", "10.0.0.2");
        failures.failed("other", "10.0.0.2");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertTrue(failures.anyThrottled(), "the second window, begun later, still runs");
        assertEquals(0, failures.addressRetryAfter("10.0.0.1"));
        assertEquals(30, failures.addressRetryAfter("10.0.0.2"));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertFalse(failures.anyThrottled(), "every window over the limit has ended");
        assertEquals(0, failures.userRetryAfter("other"));
    }
}
