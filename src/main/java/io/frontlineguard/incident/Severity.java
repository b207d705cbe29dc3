package io.frontlineguard.incident;

/** How serious the underlying complaint is. Spelling is fixed by the decision API contract. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
