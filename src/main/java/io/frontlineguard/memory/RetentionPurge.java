package io.frontlineguard.memory;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes callers, cases and recorded incidents untouched for {@code guard.memory.retention}
 * (two years by default: seed 000's affair ran that long); see {@link Retention}.
 */
@ApplicationScoped
public class RetentionPurge {

    private final Retention retention;

    RetentionPurge(Memory memory, GuardConfig config) {
        this.retention = new Retention(memory, config.memory().retention(), "record(s)",
                before -> memory.store().purge(before, "retention-purge"), Logger.getLogger(RetentionPurge.class));
    }

    @Scheduled(every = "${guard.memory.purge-every:1h}", delayed = "30s", identity = "memory-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        retention.scheduled();
    }

    /** Runs one purge now; returns the rows removed. */
    public int purge() {
        return retention.purge();
    }
}
