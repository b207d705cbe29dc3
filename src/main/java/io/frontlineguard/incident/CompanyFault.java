package io.frontlineguard.incident;

/** What investigation established about the company's own failure. Spelling is fixed by the decision API contract. */
public enum CompanyFault {
    UNKNOWN, CONFIRMED, NONE
}
