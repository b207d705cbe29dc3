package io.frontlineguard.scenario;

import io.frontlineguard.decision.Evaluation;
import java.util.List;

/**
 * The outcome of one scenario: every difference between expectation and decision (empty when it
 * passed) and the evaluation itself, so a failure can show which rules fired.
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Evaluation evaluation) {

    public boolean passed() {
        return differences.isEmpty();
    }

    public List<String> firedRules() {
        return evaluation == null ? List.of() : evaluation.firedRules();
    }

    /** A failure report an author can act on: where, what differs, and why the rules decided so. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(scenario.location()).append(": scenario '").append(scenario.name()).append("' ")
                .append(passed() ? "passed" : "failed").append('\n');
        differences.forEach(d -> sb.append("  ").append(d).append('\n'));
        if (evaluation != null) {
            sb.append("  rules fired: ").append(evaluation.firedRules()).append('\n');
            sb.append("  actions: ").append(ScenarioRunner.describe(evaluation.resolution().actions())).append('\n');
        }
        return sb.toString();
    }
}
