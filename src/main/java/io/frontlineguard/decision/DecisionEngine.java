package io.frontlineguard.decision;

import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.RuleSet;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * Runs one incident through one rule set. The facts are the incident's parts and the thresholds;
 * nothing else (no clock, no services) is visible to the rules. Sessions are reused from a pool of
 * the rule set last evaluated; a different rule set (after a reload) retires the old pool.
 */
public final class DecisionEngine {

    /** Rules only propose actions and never change facts, so a run this long means a runaway rule. */
    static final int MAX_FIRINGS = 10_000;

    private final Resolver resolver = new Resolver();
    private volatile SessionPool pool;

    public Evaluation evaluate(RuleSet rules, Incident incident) {
        long start = System.nanoTime();
        SessionPool sessions = poolFor(rules);
        SessionPool.Pooled pooled = sessions.borrow();
        boolean clean = false;
        List<Candidate> candidates;
        List<String> firedRules;
        try {
            KieSession session = pooled.session();
            session.insert(incident);
            session.insert(incident.caller());
            session.insert(incident.caseHistory());
            session.insert(incident.handler());
            for (Demand d : incident.demands()) {
                session.insert(d);
            }
            session.insert(rules.thresholds());
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + fired + " times for one incident; a rule loops");
            }
            // Taken before release: once back in the pool, the session and its sink belong to the next caller.
            candidates = pooled.sink().takeCandidates();
            firedRules = pooled.sink().takeFired();
            clean = true;
        } finally {
            sessions.release(pooled, clean);
        }
        Resolution resolution = resolver.resolve(candidates);
        return new Evaluation(candidates, firedRules, resolution, System.nanoTime() - start);
    }

    private SessionPool poolFor(RuleSet rules) {
        SessionPool current = pool;
        if (current != null && current.rules == rules) {
            return current;
        }
        synchronized (this) {
            current = pool;
            if (current == null || current.rules != rules) {
                if (current != null) {
                    current.retire();
                }
                current = new SessionPool(rules);
                pool = current;
            }
            return current;
        }
    }
}
