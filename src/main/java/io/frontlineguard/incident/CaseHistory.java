package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * The case this contact belongs to. {@code ageDays} is derived from {@code openedAt} and the
 * incident's {@code occurredAt}, never from the wall clock, so a replayed incident decides the same.
 * {@code otherDepartments} and {@code callbacksDemanded} come from case memory: the departments
 * besides this one that have dealt with the case, and whether a periodic call-back has been
 * demanded on it (this contact included). {@code damageJpy}, when the client sends it, is the loss or
 * price at stake that the company's own investigation attributes to the complaint; money demanded is
 * weighed against it.
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
        boolean callbacksDemanded,
        Long damageJpy) {

    /** A case whose loss at stake nobody has reported: {@code damageJpy} is absent. */
    public CaseHistory(OffsetDateTime openedAt, long ageDays, int contactCount, int longestContactMinutes,
                       CompanyFault companyFault, boolean investigationComplete, ManagementAnswer managementAnswer,
                       Severity severity, int otherDepartments, boolean callbacksDemanded) {
        this(openedAt, ageDays, contactCount, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, otherDepartments, callbacksDemanded, null);
    }

    /** The same case with the loss at stake the company's investigation attributes to the complaint. */
    public CaseHistory withDamageJpy(Long damage) {
        return new CaseHistory(openedAt, ageDays, contactCount, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, otherDepartments, callbacksDemanded, damage);
    }

    /** A case as one request reports it, before memory adds anything. */
    public CaseHistory(OffsetDateTime openedAt, long ageDays, int contactCount, int longestContactMinutes,
                       CompanyFault companyFault, boolean investigationComplete, ManagementAnswer managementAnswer,
                       Severity severity) {
        this(openedAt, ageDays, contactCount, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, 0, false);
    }
}
