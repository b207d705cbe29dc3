package io.frontlineguard.decision;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.RuleSet;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Decides incidents against whichever rule set is in force when the decision starts. */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final ActiveRules rules;
    private final DecisionEngine engine = new DecisionEngine();
    /** The decision log and the metrics; an array so the per-request loop allocates nothing. */
    private final DecisionListener[] listeners;

    DecisionService(ActiveRules rules, @All List<DecisionListener> listeners) {
        this.rules = rules;
        this.listeners = listeners.toArray(DecisionListener[]::new);
    }

    public Decision decide(Incident incident) {
        String decisionId = UUID.randomUUID().toString();
        MDC.put("decisionId", decisionId);
        try {
            // Read the reference once: a reload during this evaluation must not mix two rule sets.
            RuleSet ruleSet = rules.get();
            Evaluation evaluation = engine.evaluate(ruleSet, incident);
            LOG.debugf("decided %s with %s: %s", incident.incidentId(), ruleSet.version(), evaluation.firedRules());
            Decision decision = new Decision(decisionId, incident, ruleSet.version(), evaluation);
            for (DecisionListener listener : listeners) {
                listener.decided(decision);
            }
            return decision;
        } finally {
            MDC.remove("decisionId");
        }
    }
}
