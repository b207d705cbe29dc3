package io.frontlineguard.incident;

/**
 * What a caller can ask for. Spelling is fixed by the decision API contract. {@code KNEELING_APOLOGY}
 * is a demand to kneel (dogeza), {@code FREE_SERVICE} one for service beyond the contract, and
 * {@code EMPLOYEE_DISMISSAL} one to punish or dismiss the employee its {@code employeeId} names.
 */
public enum DemandType {
    VISIT, APOLOGY_FROM_EMPLOYEE, SPECIFIC_STAFF, MONETARY_COMPENSATION, WRITTEN_APOLOGY, RECURRENCE_PREVENTION,
    RESUME_SERVICE, MEETING_AT_HEADQUARTERS, IMMEDIATE_ANSWER, PERIODIC_CALLBACK, KNEELING_APOLOGY, FREE_SERVICE,
    EMPLOYEE_DISMISSAL
}
