package io.frontlineguard.memory;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many callers memory has never seen one calling system may bring in per minute: a system
 * that invents caller ids by the thousand cannot fill memory with them. Counted per instance in
 * fixed one-minute windows of the wall clock (a server-side fact, not an incident's).
 */
final class NewCallerQuota {

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int used) {
    }

    NewCallerQuota(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one new caller from {@code system}'s quota; false (and nothing taken) when it is used up. */
    boolean take(String system) {
        long minute = clock.millis() / 60_000;
        boolean[] taken = {false};
        windows.compute(system, (k, w) -> {
            Window current = w == null || w.minute() != minute ? new Window(minute, 0) : w;
            if (current.used() >= perMinute) {
                return current;
            }
            taken[0] = true;
            return new Window(minute, current.used() + 1);
        });
        return taken[0];
    }

    /** Seconds until the current window ends, for Retry-After. */
    long retryAfterSeconds() {
        return Math.max(1, 60 - (clock.millis() / 1000) % 60);
    }
}
