package io.frontlineguard.memory;

import java.time.OffsetDateTime;

/**
 * Where a remembered fact came from: the department that reported or decided it, the decision
 * (null when a case officer recorded it) and the time, which is the incident's {@code occurredAt}
 * for facts from decisions, so that memory, like the rules, never reads the wall clock for them.
 */
public record Source(String department, String decisionId, OffsetDateTime at) {

    /** The earlier of two sources; the established fact keeps where it was first seen. */
    static Source earlier(Source a, Source b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.at.isBefore(a.at) ? b : a;
    }
}
