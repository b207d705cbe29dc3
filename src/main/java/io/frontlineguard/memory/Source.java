package io.frontlineguard.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Where a remembered fact came from. {@code assertedBy} is the authenticated calling system (or
 * the case officer) that asserted it and {@code receivedAt} the service's own clock when it did:
 * these say who is accountable, and the ledger's order of receipt decides which source counts.
 * {@code department} is the department the asserting request spoke for; {@code at} is the
 * incident's own {@code occurredAt} (when a person recorded it: the time they did), kept for
 * reading, never for ordering, so a back-dated request cannot take over an earlier source.
 * {@code claimedDepartment} is a department the client said had set the fact
 * ({@code flaggedByDepartment}): a claim of that client, not that department's act.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String department, String decisionId, OffsetDateTime at, String assertedBy,
                     OffsetDateTime receivedAt, String claimedDepartment) {

    public Source(String department, String decisionId, OffsetDateTime at) {
        this(department, decisionId, at, null, null, null);
    }

    /**
     * Of two sources of one fact, the one received first. Memory is folded in the ledger's order
     * of receipt, so {@code a} (already folded) was received before {@code b}.
     */
    static Source earlier(Source a, Source b) {
        return a == null ? b : a;
    }

    Source claiming(String department) {
        return new Source(this.department, decisionId, at, assertedBy, receivedAt, department);
    }
}
