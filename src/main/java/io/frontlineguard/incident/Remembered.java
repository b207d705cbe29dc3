package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * One fact that case memory contributed to a decision or made stronger than the request said:
 * which field of the incident ({@code caller.blocked}, {@code demands[0].namedBefore}), the value
 * the rules saw, and where it was first established: the department, the system that asserted it
 * ({@code assertedBy}) and when the service received it ({@code receivedAt}). {@code decisionId}
 * is shown only to the system that made that decision; it is null for a case officer's entry.
 * {@code at} is the incident's own time (for a case officer's entry, when they recorded it).
 */
public record Remembered(String fact, Object value, String department, String decisionId, OffsetDateTime at,
                         String assertedBy, OffsetDateTime receivedAt) {

    public Remembered(String fact, Object value, String department, String decisionId, OffsetDateTime at) {
        this(fact, value, department, decisionId, at, null, null);
    }
}
