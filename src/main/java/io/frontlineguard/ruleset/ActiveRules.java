package io.frontlineguard.ruleset;

import io.frontlineguard.verification.Verified;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set decisions run against. Only verified rule sets get here, through
 * {@link #activate}, each swapped in in one atomic step; the reloader is the one that verifies,
 * at start-up and on every reload.
 */
@ApplicationScoped
public class ActiveRules {

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Activation> current = new AtomicReference<>();

    /** The rule set in force now, or null before the first one; callers keep the reference for the whole evaluation. */
    public RuleSet get() {
        Activation a = current.get();
        return a == null ? null : a.rules();
    }

    /** The rule set in force with its activation time and scenario coverage, as one consistent value. */
    public Activation activation() {
        return current.get();
    }

    /** Makes a verified rule set the one in force, in one step, keeping the coverage its scenarios gave. */
    public void activate(Verified verified) {
        current.set(new Activation(verified.rules(), clock.instant(), verified.coverage().scenariosByRule()));
    }
}
