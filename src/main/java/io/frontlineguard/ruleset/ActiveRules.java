package io.frontlineguard.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /**
     * Makes a verified rule set the one in force, in one step, keeping which scenarios fired each
     * rule; only the reloader calls this, with what verification returned.
     */
    public void activate(RuleSet rules, Map<String, List<String>> scenariosByRule) {
        activate(rules, scenariosByRule, new LessonCatalogue(new java.util.TreeMap<>()), Map.of(), null);
    }

    /** As above, with the lesson catalogue the rules cite, the scenarios naming each lesson and the folder verified. */
    public void activate(RuleSet rules, Map<String, List<String>> scenariosByRule, LessonCatalogue lessons,
                         Map<String, List<String>> scenariosByLesson, FolderSnapshot folder) {
        current.set(new Activation(rules, clock.instant(), scenariosByRule, lessons, scenariosByLesson, folder));
    }
}
