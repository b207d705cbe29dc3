package io.frontlineguard.approval;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.Retention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Approvals hold callers' pseudonyms, so they are kept no longer than memory keeps the callers
 * ({@code guard.memory.retention}, purged as often as memory is; see {@link Retention}).
 */
@ApplicationScoped
public class ApprovalRetention {

    private final Retention retention;

    ApprovalRetention(Memory memory, Approvals approvals, GuardConfig config) {
        this.retention = new Retention(memory, config.memory().retention(), "approval(s)", approvals::purge,
                Logger.getLogger(ApprovalRetention.class));
    }

    @Scheduled(every = "${guard.memory.purge-every:1h}", delayed = "40s", identity = "approval-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        retention.scheduled();
    }

    /** Runs one purge now; returns the approvals removed. */
    public int purge() {
        return retention.purge();
    }
}
