package io.frontlineguard.decision;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.Remembered;
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
    private final java.time.Duration deadline;
    /** The decision log and the metrics; an array so the per-request loop allocates nothing. */
    private final DecisionListener[] listeners;

    DecisionService(ActiveRules rules, GuardConfig config, @All List<DecisionListener> listeners) {
        this.rules = rules;
        this.deadline = config.decision().deadline();
        this.listeners = listeners.toArray(DecisionListener[]::new);
    }

    public Decision decide(Incident incident) {
        return decide(incident, false);
    }

    /** Without case memory; {@code whatIf}: only asked ({@code ?record=false}), as the decision log marks it. */
    public Decision decide(Incident incident, boolean whatIf) {
        return decide(UUID.randomUUID().toString(), incident, List.of(), MemoryUse.NOT_USED, whatIf);
    }

    /** Decides facts that case memory has already combined with the request; {@code decisionId} is the caller's. */
    public Decision decide(String decisionId, Incident incident, List<Remembered> remembered, MemoryUse memory) {
        return decide(decisionId, incident, remembered, memory, memory == MemoryUse.WHAT_IF);
    }

    /** As above; {@code whatIf} also for a retry or a decision without memory that was only asked. */
    public Decision decide(String decisionId, Incident incident, List<Remembered> remembered, MemoryUse memory,
                           boolean whatIf) {
        // Read the reference once: a reload during this evaluation must not mix two rule sets.
        RuleSet ruleSet = rules.get();
        Evaluation evaluation;
        try {
            // On this thread (a request's event loop or worker): the watchdog keeps the deadline (issue 32).
            evaluation = engine.evaluateWatched(ruleSet, incident, deadline);
        } catch (EvaluationThreads.DeadlineExceeded e) {
            throw timedOut(decisionId, incident, ruleSet, remembered, memory, whatIf, e);
        }
        return decided(new Decision(decisionId, incident, ruleSet.version(), evaluation, remembered, memory, whatIf));
    }

    private Decision decided(Decision decision) {
        MDC.put("decisionId", decision.decisionId());
        try {
            LOG.debugf("decided %s with %s: %s", decision.incident().incidentId(), decision.rulesetVersion(),
                    decision.evaluation().firedRules());
            for (DecisionListener listener : listeners) {
                listener.decided(decision);
            }
            return decision;
        } finally {
            MDC.remove("decisionId");
        }
    }

    private DecisionTimeoutException timedOut(String decisionId, Incident incident, RuleSet ruleSet,
            List<Remembered> remembered, MemoryUse memory, boolean whatIf, EvaluationThreads.DeadlineExceeded e) {
        Decision unfinished = new Decision(decisionId, incident, ruleSet.version(), Evaluation.none(e.deadline()),
                remembered, memory, whatIf);
        MDC.put("decisionId", decisionId);
        try {
            LOG.warnf("decision %s for incident %s missed its deadline of %d ms with %s", decisionId,
                    incident.incidentId(), deadline.toMillis(), unfinished.rulesetVersion());
            for (DecisionListener listener : listeners) {
                listener.timedOut(unfinished);
            }
        } finally {
            MDC.remove("decisionId");
        }
        return new DecisionTimeoutException(decisionId, e.deadline());
    }
}
