package io.frontlineguard.decision;

import java.time.Duration;

/** A decision that did not finish within {@code guard.decision.deadline}; nothing was decided. */
public final class DecisionTimeoutException extends RuntimeException {

    private final String decisionId;
    private final Duration deadline;

    public DecisionTimeoutException(String decisionId, Duration deadline) {
        super("the rules did not decide within " + deadline.toMillis() + " ms", null, false, false);
        this.decisionId = decisionId;
        this.deadline = deadline;
    }

    public String decisionId() {
        return decisionId;
    }

    public Duration deadline() {
        return deadline;
    }
}
