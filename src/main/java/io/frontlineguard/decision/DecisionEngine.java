package io.frontlineguard.decision;

import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.RuleSet;
import org.kie.api.runtime.KieSession;

/**
 * Runs one incident through one rule set. The facts are the incident's parts and the thresholds;
 * nothing else (no clock, no services) is visible to the rules.
 */
public final class DecisionEngine {

    /** Rules only propose actions and never change facts, so a run this long means a runaway rule. */
    static final int MAX_FIRINGS = 10_000;

    private final Resolver resolver = new Resolver();

    public Evaluation evaluate(RuleSet rules, Incident incident) {
        long start = System.nanoTime();
        ActionSink sink = new ActionSink(rules.rules());
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("actions", sink);
            session.addEventListener(sink);
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
        } finally {
            session.dispose();
        }
        Resolution resolution = resolver.resolve(sink.candidates());
        return new Evaluation(sink.candidates(), sink.fired(), resolution, System.nanoTime() - start);
    }
}
