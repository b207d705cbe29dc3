package io.frontlineguard.incident;

/** Upper management's answer to the caller's demand so far. Spelling is fixed by the decision API contract. */
public enum ManagementAnswer {
    NONE, PENDING, REFUSED, ACCEPTED
}
