package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * The case this contact belongs to. {@code ageDays} is derived from {@code openedAt} and the
 * incident's {@code occurredAt}, never from the wall clock, so a replayed incident decides the same.
 */
public record CaseHistory(
        OffsetDateTime openedAt,
        long ageDays,
        int contactCount,
        int longestContactMinutes,
        CompanyFault companyFault,
        boolean investigationComplete,
        ManagementAnswer managementAnswer,
        Severity severity) {
}
