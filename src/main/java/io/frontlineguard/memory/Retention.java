package io.frontlineguard.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;

/**
 * One retention purge of something kept in the case-memory database (memory's ledger, the
 * approvals): what was last written before {@code guard.memory.retention} ago goes. The clock is the
 * wall clock on purpose: retention is about how long the company keeps data, not about when
 * incidents happened. A scheduled run that finds the store unavailable is skipped, not failed: the
 * next run catches up.
 */
public final class Retention {

    private final Memory memory;
    private final Duration retention;
    private final String removed;
    private final ToIntFunction<Instant> purgeBefore;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();

    /** {@code removed} names what {@code purgeBefore} counts, e.g. "approval(s)"; the lines go to {@code log}. */
    public Retention(Memory memory, Duration retention, String removed, ToIntFunction<Instant> purgeBefore, Logger log) {
        this.memory = memory;
        this.retention = retention;
        this.removed = removed;
        this.purgeBefore = purgeBefore;
        this.log = log;
    }

    /** Runs one purge now; returns how many were removed. */
    public int purge() {
        if (!memory.enabled()) {
            return 0;
        }
        Instant before = clock.instant().minus(retention);
        int count = purgeBefore.applyAsInt(before);
        if (count > 0) {
            log.infof("retention purge: removed %d %s last written before %s", count, removed, before);
        }
        return count;
    }

    /** The scheduled run. */
    public void scheduled() {
        try {
            purge();
        } catch (MemoryUnavailableException e) {
            log.warnf("retention purge of %s skipped, case memory is unavailable: %s", removed, e.getMessage());
        }
    }
}
