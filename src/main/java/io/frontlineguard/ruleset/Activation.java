package io.frontlineguard.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rule set in force, when it came into force, and which scenarios fired each of its rules
 * (an empty list: no scenario protects that rule), with the folder snapshot it was verified from
 * (its scenarios are the console's examples and the suite it reruns; null for rules put in force
 * without a folder, as some tests do). Swapped as one value, so a reader never pairs one rule set
 * with another's coverage or scenarios.
 */
public record Activation(RuleSet rules, Instant activatedAt, Map<String, List<String>> scenariosByRule,
                         LessonCatalogue lessons, Map<String, List<String>> scenariosByLesson, FolderSnapshot folder) {

    public Activation {
        scenariosByRule = copy(scenariosByRule);
        scenariosByLesson = copy(scenariosByLesson);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> byKey) {
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        byKey.forEach((key, scenarios) -> copy.put(key, List.copyOf(scenarios)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> scenariosNaming(String lesson) {
        return scenariosByLesson.getOrDefault(lesson, List.of());
    }

    public List<String> scenariosFiring(String rule) {
        return scenariosByRule.getOrDefault(rule, List.of());
    }
}
