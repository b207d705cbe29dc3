package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins (wrong passwords, bad or expired tokens) counted per user name and per client
 * address in a fixed window. Past {@code guard.security.throttle.max-failures} in
 * {@code guard.security.throttle.window}, further attempts are refused with 429 until the
 * window ends, before any password is hashed. Each map keeps at most
 * {@code guard.security.throttle.max-tracked} keys, forgetting the least recently failed, so a
 * flood of invented user names costs bounded memory.
 */
@ApplicationScoped
public class FailedLogins {

    private static final class Window {
        long startNanos;
        int failures;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> users;
    private final Map<String, Window> addresses;
    // When the last window that reached the limit ends. Every authenticated request asks about its
    // address; while no window is over the limit (the normal case) that is one volatile read
    // instead of the lock that the access-ordered maps need.
    private volatile boolean anyThrottled;
    private volatile long throttledUntilNanos;

    @Inject
    FailedLogins(GuardConfig config) {
        this(config.security().throttle().maxFailures(), config.security().throttle().window(),
                config.security().throttle().maxTracked(), System::nanoTime);
    }

    FailedLogins(int maxFailures, Duration window, int maxTracked, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.users = bounded(maxTracked);
        this.addresses = bounded(maxTracked);
    }

    private static Map<String, Window> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > max;
            }
        };
    }

    /** Seconds until this user name may try again; 0 when it is not throttled. */
    public long userRetryAfter(String user) {
        return retryAfter(users, user);
    }

    /** Seconds until this client address may try again; 0 when it is not throttled. */
    public long addressRetryAfter(String address) {
        return retryAfter(addresses, address);
    }

    /** Counts one failed sign-in against the address and, when the credential named one, the user name. */
    public void failed(String user, String address) {
        if (user != null) {
            count(users, user);
        }
        if (address != null) {
            count(addresses, address);
        }
    }

    int tracked() {
        synchronized (this) {
            return users.size() + addresses.size();
        }
    }

    /** Whether any user name or address may be throttled now; false means none is, without a lock. */
    public boolean anyThrottled() {
        return anyThrottled && clock.getAsLong() - throttledUntilNanos < 0;
    }

    private long retryAfter(Map<String, Window> map, String key) {
        if (!anyThrottled()) {
            return 0;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            Window w = map.get(key);
            if (w == null || w.failures < maxFailures) {
                return 0;
            }
            long left = w.startNanos + windowNanos - now;
            return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        }
    }

    private void count(Map<String, Window> map, String key) {
        long now = clock.getAsLong();
        synchronized (this) {
            Window w = map.get(key);
            if (w == null || now - w.startNanos >= windowNanos) {
                w = new Window(now);
                map.put(key, w);
            }
            w.failures++;
            if (w.failures >= maxFailures) {
                long until = w.startNanos + windowNanos;
                if (!anyThrottled || until - throttledUntilNanos > 0) {
                    throttledUntilNanos = until;
                }
                anyThrottled = true;
            }
        }
    }
}
