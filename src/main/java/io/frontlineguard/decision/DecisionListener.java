package io.frontlineguard.decision;

/**
 * Told about every decision once it is made, on the request thread: keep it quick (count, or
 * queue for later) and never throw.
 */
public interface DecisionListener {

    void decided(Decision decision);
}
