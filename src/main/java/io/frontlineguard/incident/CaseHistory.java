package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * The case this contact belongs to. {@code ageDays} is derived from {@code openedAt} and the
 * incident's {@code occurredAt}, never from the wall clock, so a replayed incident decides the same.
 * {@code otherDepartments} and {@code callbacksDemanded} come from case memory: the departments
 * besides this one that have dealt with the case, and whether a periodic call-back has been
 * demanded on it (this contact included).
 */
public record CaseHistory(
        OffsetDateTime openedAt,
        long ageDays,
        int contactCount,
        int longestContactMinutes,
        CompanyFault companyFault,
        boolean investigationComplete,
        ManagementAnswer managementAnswer,
        Severity severity,
        int otherDepartments,
        boolean callbacksDemanded) {

    /** A case as one request reports it, before memory adds anything. */
    public CaseHistory(OffsetDateTime openedAt, long ageDays, int contactCount, int longestContactMinutes,
                       CompanyFault companyFault, boolean investigationComplete, ManagementAnswer managementAnswer,
                       Severity severity) {
        this(openedAt, ageDays, contactCount, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, 0, false);
    }
}
