package io.frontlineguard.incident;

/** What a caller can ask for. Spelling is fixed by the decision API contract. */
public enum DemandType {
    VISIT, APOLOGY_FROM_EMPLOYEE, SPECIFIC_STAFF, MONETARY_COMPENSATION, WRITTEN_APOLOGY, RECURRENCE_PREVENTION, RESUME_SERVICE, MEETING_AT_HEADQUARTERS, IMMEDIATE_ANSWER, PERIODIC_CALLBACK
}
