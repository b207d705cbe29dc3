package io.frontlineguard.decision;

/** An action a stronger one replaced during resolution, kept so the decision explains itself. */
public record Overridden(Action action, Action replacedBy) {
}
