package io.frontlineguard.approval;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.MemoryUnavailableException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Approvals hold callers' pseudonyms, so they are kept no longer than memory keeps the callers
 * ({@code guard.memory.retention}, purged as often as memory is). Wall-clock time, like memory's purge.
 */
@ApplicationScoped
public class ApprovalRetention {

    private static final Logger LOG = Logger.getLogger(ApprovalRetention.class);

    private final Memory memory;
    private final Approvals approvals;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    ApprovalRetention(Memory memory, Approvals approvals, GuardConfig config) {
        this.memory = memory;
        this.approvals = approvals;
        this.retention = config.memory().retention();
    }

    @Scheduled(every = "${guard.memory.purge-every:1h}", delayed = "40s", identity = "approval-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (MemoryUnavailableException e) {
            LOG.warnf("approval retention purge skipped, case memory is unavailable: %s", e.getMessage());
        }
    }

    /** Runs one purge now; returns the approvals removed. */
    public int purge() {
        if (!memory.enabled()) {
            return 0;
        }
        int removed = approvals.purge(clock.instant().minus(retention));
        if (removed > 0) {
            LOG.infof("retention purge: removed %d approval(s)", removed);
        }
        return removed;
    }
}
