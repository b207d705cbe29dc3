package io.frontlineguard.decision;

/**
 * Told about every decision once it is made, on the request thread: keep it quick (count, or
 * queue for later) and never throw.
 */
public interface DecisionListener {

    void decided(Decision decision);

    /**
     * A decision that missed its deadline: {@code unfinished} has no actions and its evaluation
     * time is the deadline. Logged and counted like a decision, so no request goes unrecorded.
     */
    default void timedOut(Decision unfinished) {
    }
}
