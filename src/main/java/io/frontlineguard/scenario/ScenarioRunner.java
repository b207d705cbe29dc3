package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.decision.Answer;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.EvaluationThreads;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs scenarios in-process against a rule set and lists every difference: missing actions,
 * actions with other params, actions that must be absent, rules that did not fire.
 */
public final class ScenarioRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionEngine engine = new DecisionEngine();
    private final java.time.Duration deadline;
    private final IncidentReader reader = new IncidentReader();

    /**
     * What one scenario may take by default (guard.rules.scenario-deadline): longer than a decision's,
     * since the first evaluations of a new rule base build its node memories and compile constraints.
     */
    public static final java.time.Duration DEFAULT_DEADLINE = DecisionEngine.OFFLINE_DEADLINE;

    public ScenarioRunner() {
        this(DEFAULT_DEADLINE);
    }

    /** Each scenario gets {@code deadline}; one that misses it fails, naming the deadline. */
    public ScenarioRunner(java.time.Duration deadline) {
        this.deadline = deadline;
    }

    public List<ScenarioResult> runAll(RuleSet rules, List<Scenario> scenarios) {
        return scenarios.stream().map(s -> run(rules, s)).toList();
    }

    public ScenarioResult run(RuleSet rules, Scenario scenario) {
        Incident incident;
        try {
            incident = scenario.facts(reader.read(scenario.incident()));
        } catch (InvalidIncidentException e) {
            List<String> diffs = e.violations().stream()
                    .map(v -> "invalid incident: " + v.path() + ": " + v.message()).toList();
            return new ScenarioResult(scenario, diffs, null);
        }
        try {
            return judge(scenario, engine.evaluateWithin(rules, incident, deadline));
        } catch (EvaluationThreads.DeadlineExceeded e) {
            return new ScenarioResult(scenario, List.of("did not finish within " + e.deadline().toMillis()
                    + " ms (guard.rules.scenario-deadline)"), null);
        }
    }

    /**
     * Compares an evaluation already made for this scenario's incident with what the scenario
     * expects. Verification uses it to judge altered outcomes (a rule's proposals withheld) without
     * running the rules again.
     */
    public ScenarioResult judge(Scenario scenario, Evaluation evaluation) {
        return new ScenarioResult(scenario, compare(scenario, evaluation), evaluation);
    }

    private static List<String> compare(Scenario s, Evaluation e) {
        List<Action> actions = e.resolution().actions();
        List<String> diffs = new ArrayList<>();
        for (Scenario.Expected want : s.expect()) {
            List<Action> sameCode = actions.stream().filter(a -> a.code().name().equals(want.code())).toList();
            if (sameCode.isEmpty()) {
                diffs.add("missing action: " + want);
            } else if (sameCode.stream().noneMatch(a -> paramsMatch(want.params(), a))) {
                diffs.add("wrong params: expected " + want + ", got " + describe(sameCode));
            }
        }
        for (String code : s.absent()) {
            actions.stream().filter(a -> a.code().name().equals(code))
                    .forEach(a -> diffs.add("unexpected action: " + describe(List.of(a)) + " from " + a.ruleNames()));
        }
        if (s.only()) {
            actions.stream()
                    .filter(a -> s.expect().stream().noneMatch(w -> w.code().equals(a.code().name())))
                    .filter(a -> !s.absent().contains(a.code().name()))
                    .forEach(a -> diffs.add("unexpected action: " + describe(List.of(a)) + " from " + a.ruleNames()));
        }
        for (String rule : s.fired()) {
            if (!e.firedRules().contains(rule)) {
                diffs.add("rule did not fire: \"" + rule + "\"");
            }
        }
        for (String code : s.overridden()) {
            if (e.resolution().overridden().stream().noneMatch(o -> o.action().code().name().equals(code))) {
                diffs.add("not overridden: " + code);
            }
        }
        assessment(s, e.resolution().assessment(), diffs);
        return diffs;
    }

    private static void assessment(Scenario s, Assessment got, List<String> diffs) {
        s.assessment().forEach((key, want) -> {
            AssessmentField field = AssessmentField.byWireName(key).orElseThrow();
            if (field.collects()) {
                List<String> missing = want.stream().filter(t -> !got.typeNames().contains(t)).toList();
                if (want.isEmpty() && !got.typeNames().isEmpty()) {
                    diffs.add("assessment types: expected none, found " + got.typeNames());
                } else if (!missing.isEmpty()) {
                    diffs.add("assessment types: expected " + missing + " among " + got.typeNames());
                }
            } else if (!want.get(0).equals(got.answer(field).value())) {
                Answer a = got.answer(field);
                diffs.add("assessment " + key + ": expected " + want.get(0) + ", got " + a.value()
                        + (a.rules().isEmpty() ? " (no rule answered)" : " from " + a.ruleNames()));
            }
        });
    }

    private static boolean paramsMatch(JsonNode want, Action actual) {
        JsonNode got = JSON.valueToTree(actual.params());
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!sameValue(p.getValue(), got.get(p.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(JsonNode want, JsonNode got) {
        if (got == null) {
            return want.isNull();
        }
        if (want.isNumber() && got.isNumber()) {
            return want.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        return want.equals(got);
    }

    static String describe(List<Action> actions) {
        return actions.stream()
                .map(a -> a.params().isEmpty() ? a.code().name() : a.code() + " " + JSON.valueToTree(a.params()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
