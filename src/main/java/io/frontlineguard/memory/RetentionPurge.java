package io.frontlineguard.memory;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes callers, cases and recorded incidents untouched for {@code guard.memory.retention}
 * (two years by default: seed 000's affair ran that long). The clock here is the wall clock on
 * purpose: retention is about how long the company keeps data, not about when incidents happened.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Memory memory;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    RetentionPurge(Memory memory, GuardConfig config) {
        this.memory = memory;
        this.retention = config.memory().retention();
    }

    @Scheduled(every = "${guard.memory.purge-every:1h}", delayed = "30s", identity = "memory-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (MemoryUnavailableException e) {
            LOG.warnf("retention purge skipped, case memory is unavailable: %s", e.getMessage());
        }
    }

    /** Runs one purge now; returns the rows removed. */
    public int purge() {
        if (!memory.enabled()) {
            return 0;
        }
        Instant before = clock.instant().minus(retention);
        int removed = memory.store().purge(before, "retention-purge");
        if (removed > 0) {
            LOG.infof("retention purge: removed %d record(s) last written before %s", removed, before);
        }
        return removed;
    }
}
