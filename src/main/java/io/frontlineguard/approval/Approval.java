package io.frontlineguard.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A change to case memory that waits for a second person (schema Approval): who asked, why, and,
 * once decided, who decided and why. The caller appears only by pseudonym, and not at all once erased.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Approval(String id, What what, String subject, String requestedBy, String reason, OffsetDateTime createdAt,
                       Status status, String decidedBy, OffsetDateTime decidedAt, String decisionReason) {

    /** The changes that need an executive's approval; the names are the change log's. */
    public enum What {
        LIFT_BLOCK, ERASE
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    /** The open requests, oldest first, and the ones decided lately, newest first (schema Approvals). */
    public record Listing(java.util.List<Approval> pending, java.util.List<Approval> recent) {
    }
}
