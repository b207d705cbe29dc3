package io.frontlineguard.metrics;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionListener;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.EvaluationThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts what the service decides: {@code guard_decisions_total{action}} (one per action code in a
 * decision), {@code guard_evaluation_seconds} (histogram of rule evaluation time) and
 * {@code guard_rule_fired_total{rule}}. Tags come from closed sets (action codes, rule names of
 * the rule base), so cardinality stays bounded. Meters are created once and then only incremented.
 */
@ApplicationScoped
public class DecisionMetrics implements DecisionListener {

    private final MeterRegistry registry;
    private final Map<ActionCode, Counter> byAction = new EnumMap<>(ActionCode.class);
    private final Map<String, Counter> byRule = new ConcurrentHashMap<>();
    private final Timer evaluation;
    private final Counter timeouts;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ActionCode code : ActionCode.values()) {
            byAction.put(code, Counter.builder("guard.decisions").tag("action", code.name())
                    .description("Decisions containing this action code").register(registry));
        }
        evaluation = Timer.builder("guard.evaluation").description("Time the rules took to decide one incident")
                .publishPercentileHistogram().register(registry);
        timeouts = Counter.builder("guard.decision.timeouts")
                .description("Decisions that missed guard.decision.deadline (answered 503 DECISION_TIMEOUT)").register(registry);
        io.micrometer.core.instrument.Gauge.builder("guard.evaluations.overdue", EvaluationThreads.decisions(),
                        t -> t.overdue() + DecisionEngine.overdueOnRequestThreads())
                .description("Evaluations still running past their deadline; liveness is DOWN at guard.decision.max-overdue")
                .register(registry);
    }

    @Override
    public void timedOut(Decision unfinished) {
        timeouts.increment();
    }

    @Override
    public void decided(Decision decision) {
        evaluation.record(decision.evaluation().nanos(), TimeUnit.NANOSECONDS);
        for (Action action : decision.resolution().actions()) {
            byAction.get(action.code()).increment();
        }
        List<String> fired = decision.evaluation().firedRules();
        for (int i = 0; i < fired.size(); i++) {
            byRule.computeIfAbsent(fired.get(i), this::ruleCounter).increment();
        }
    }

    private Counter ruleCounter(String rule) {
        return Counter.builder("guard.rule.fired").tag("rule", rule)
                .description("Times this rule fired").register(registry);
    }
}
