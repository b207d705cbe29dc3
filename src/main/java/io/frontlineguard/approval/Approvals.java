package io.frontlineguard.approval;

import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.approval.Approval.What;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.MemoryStore;
import io.frontlineguard.memory.MemoryStore.Change;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Changes to case memory that one person may ask for and only a second, with the role executive,
 * may carry out (lesson L000-3: undoing the front line's block is an executive act). The change
 * log records both: the requester as the actor, the approver as who approved.
 */
@ApplicationScoped
public class Approvals {

    /** The role that approves; a name from configuration, as case-officer and admin are. */
    public static final String APPROVER_ROLE = "executive";
    private static final Logger LOG = Logger.getLogger(Approvals.class);
    private static final int RECENT = 50;

    private final Memory memory;
    private final ApprovalStore store;

    Approvals(Memory memory, GuardConfig config) {
        this.memory = memory;
        this.store = new ApprovalStore(memory::data, Clock.systemUTC(), config.memory().timeout());
    }

    private ApprovalStore store() {
        if (!memory.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "case memory is off (guard.memory.enabled=false)");
        }
        return store;
    }

    /** Asks for a change of one caller (by pseudonym); it waits for an executive. */
    public Approval request(What what, String callerKey, String requestedBy, String reason) {
        return request(what, callerKey, requestedBy, reason, null);
    }

    /** Asks for a change; a lift names the sources of the blocks it lifts ({@code blocks}). */
    public Approval request(What what, String callerKey, String requestedBy, String reason, java.util.List<String> blocks) {
        Approval asked = store().request(what, callerKey, requestedBy, reason, blocks);
        LOG.infof("case memory: %s asked for %s of caller %s (approval %s)", requestedBy, what, callerKey, asked.id());
        return asked;
    }

    /** One approval, pending or decided; 404 UNKNOWN_APPROVAL when no approval has this id. */
    public Approval find(String id) {
        if (id.length() > 40) {
            throw unknownApproval();
        }
        return store().find(id).orElseThrow(Approvals::unknownApproval);
    }

    private static ProblemException unknownApproval() {
        return new ProblemException(ErrorCode.UNKNOWN_APPROVAL, "no approval has this id; it may have been removed when"
                + " the caller was erased");
    }

    public Approval.Listing list() {
        return store().list(RECENT);
    }

    public Approval approve(String id, String approver) {
        Approval done = store().approve(id, approver, this::carryOut);
        LOG.infof("case memory: %s approved %s asked by %s (approval %s)", approver, done.what(), done.requestedBy(), id);
        return done;
    }

    public Approval reject(String id, String decider, String reason) {
        Approval done = store().reject(id, decider, reason);
        LOG.infof("case memory: %s rejected %s asked by %s (approval %s)", decider, done.what(), done.requestedBy(), id);
        return done;
    }

    /** The requester takes their own request back; nobody else may (an executive rejects instead). */
    public Approval withdraw(String id, String requester, String reason) {
        Approval done = store().withdraw(id, requester, reason);
        LOG.infof("case memory: %s withdrew their request for %s (approval %s)", requester, done.what(), id);
        return done;
    }

    /** Removes the requests decided (or left open) before {@code before}, as memory's retention does. */
    public int purge(java.time.Instant before) {
        return store().purge(before);
    }

    /** After an erasure that needed no approval: the caller's requests keep no trace of them. */
    public void forget(String callerKey) {
        store().forget(callerKey);
    }

    private boolean carryOut(Approval approval, String approver) {
        MemoryStore memoryStore = memory.store();
        String subject = approval.subject();
        if (subject == null || memoryStore.caller(subject).isEmpty()) {
            throw new ProblemException(ErrorCode.UNKNOWN_CALLER, "case memory holds nothing on this caller any more"
                    + " (erased or purged meanwhile); nothing was changed");
        }
        // The requester made the change, the approver allowed it: both by their authenticated names.
        Change change = new Change(approval.requestedBy(), approval.what().name(), approval.reason(), approver,
                Map.of("approval", approval.id()));
        if (approval.what() == What.ERASE) {
            int removed = memoryStore.erase(subject, change);
            LOG.infof("case memory: erased one caller's records (%d rows), approval %s", removed, approval.id());
            return true;
        }
        // Only the blocks named when the lift was asked for: a block another source set since stays.
        if (memoryStore.liftBlocks(subject, approval.blocks(), change).isEmpty()) {
            throw new ProblemException(ErrorCode.APPROVAL_OUTDATED, "this caller is not blocked any more by "
                    + (approval.blocks() == null ? "anyone" : "the blocks this lift names (" + String.join(", ",
                    approval.blocks()) + ")") + ": there is nothing left to lift; reject the request to close it");
        }
        return false;
    }
}
