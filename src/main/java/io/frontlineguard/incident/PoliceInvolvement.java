package io.frontlineguard.incident;

/** Police action over the caller's conduct toward the company. Spelling is fixed by the decision API contract. */
public enum PoliceInvolvement {
    NONE, CONSULTED, WARNED, ARRESTED, CONVICTED
}
