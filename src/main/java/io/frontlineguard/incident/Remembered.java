package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * One fact that case memory contributed to a decision or made stronger than the request said:
 * which field of the incident ({@code caller.blocked}, {@code demands[0].namedBefore}), the value
 * the rules saw, and where it was first established. {@code decisionId} is null for a fact a case
 * officer recorded by hand; {@code at} is then when they did.
 */
public record Remembered(String fact, Object value, String department, String decisionId, OffsetDateTime at) {
}
