package io.frontlineguard.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each rule fires, so that a rule reading the {@code Judgement} fact sees only answers no
 * later rule can still strengthen (issue 29). A rule that reads no judgement fires in stage 0; one
 * that reads fields fires one stage after the last stage any rule answering those fields fires in,
 * and never before stage 1, when the engine first inserts the fact. Rules never order themselves:
 * the stages follow from what they read and answer, and a rule set in which an answer depends,
 * through the rules, on itself (the judgement steering the actions that decide it) has no stages
 * and is refused.
 *
 * <p>Why evaluation stays bounded: each stage fires only its own rules, every answer is one of a
 * field's finitely many values and only strengthens, and the engine updates the fact once per stage.
 */
public final class JudgementStages {

    /** The agenda group of stage 0, Drools' default. */
    static final String FIRST = "MAIN";

    private final Map<String, Integer> stageOf;
    private final int last;

    private JudgementStages(Map<String, Integer> stageOf) {
        this.stageOf = Map.copyOf(stageOf);
        this.last = stageOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** No rule reads the judgement: everything fires in one stage. */
    static final JudgementStages NONE = new JudgementStages(Map.of());

    /** The number of stages after the first: how often the engine inserts or updates the judgement. */
    public int later() {
        return last;
    }

    public int stageOf(String rule) {
        return stageOf.getOrDefault(rule, 0);
    }

    /** The agenda group the compiler gives the rules of one stage. */
    public static String group(int stage) {
        return stage == 0 ? FIRST : "judgement-stage-" + stage;
    }

    /** The stages of these rules; a cycle adds a problem at each rule on it. */
    static JudgementStages of(Map<String, ParsedRules.RuleText> rules, List<RuleProblem> problems) {
        Map<String, List<String>> answering = new TreeMap<>();
        rules.values().forEach(r -> r.assesses().forEach(a ->
                answering.computeIfAbsent(a.substring(0, a.indexOf('=')), k -> new ArrayList<>()).add(r.name())));
        Placement placement = new Placement(rules, answering);
        for (String name : new TreeMap<>(rules).keySet()) {
            placement.stage(name);
        }
        placement.cycles.forEach(cycle -> {
            ParsedRules.RuleText at = rules.get(cycle.get(0));
            problems.add(RuleProblem.error(at.file(), at.line(), 1, "the judgement depends on itself: " + describe(cycle, rules)
                    + "; a rule that reads an answer cannot give an answer that answer depends on"));
        });
        return placement.cycles.isEmpty() ? new JudgementStages(placement.stages) : null;
    }

    private static String describe(List<String> cycle, Map<String, ParsedRules.RuleText> rules) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            String rule = cycle.get(i);
            String next = cycle.get((i + 1) % cycle.size());
            List<String> fields = new ArrayList<>(rules.get(rule).reads());
            fields.retainAll(rules.get(next).assesses().stream().map(a -> a.substring(0, a.indexOf('='))).toList());
            steps.add("rule \"" + rule + "\" reads " + String.join(", ", fields) + ", which rule \"" + next + "\" answers");
        }
        return String.join("; ", steps);
    }

    /** A depth-first placement that remembers the rules on its path, to name a cycle when it meets one. */
    private static final class Placement {
        private final Map<String, ParsedRules.RuleText> rules;
        private final Map<String, List<String>> answering;
        private final Map<String, Integer> stages = new HashMap<>();
        private final LinkedHashSet<String> path = new LinkedHashSet<>();
        private final List<List<String>> cycles = new ArrayList<>();

        Placement(Map<String, ParsedRules.RuleText> rules, Map<String, List<String>> answering) {
            this.rules = rules;
            this.answering = answering;
        }

        int stage(String name) {
            Integer known = stages.get(name);
            if (known != null) {
                return known;
            }
            if (path.contains(name)) {
                List<String> onPath = new ArrayList<>(path);
                cycles.add(List.copyOf(onPath.subList(onPath.indexOf(name), onPath.size())));
                return 0;
            }
            ParsedRules.RuleText rule = rules.get(name);
            if (rule.reads().isEmpty()) {
                stages.put(name, 0);
                return 0;
            }
            path.add(name);
            int stage = 1;
            for (String field : rule.reads()) {
                for (String answerer : answering.getOrDefault(field, List.of())) {
                    stage = Math.max(stage, stage(answerer) + 1);
                }
            }
            path.remove(name);
            stages.put(name, stage);
            return stage;
        }
    }
}
