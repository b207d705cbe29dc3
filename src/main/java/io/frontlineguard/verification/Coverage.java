package io.frontlineguard.verification;

import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules the scenarios exercise and which lessons they protect. A rule no scenario fires can
 * be deleted or broken without any test noticing, so it counts as a failure, not a statistic.
 *
 * @param scenariosByRule   every rule, with the scenarios that fired it (empty: uncovered)
 * @param scenariosByLesson every catalogue lesson, with the scenarios that name it in 'lessons'
 */
public record Coverage(SortedMap<String, List<String>> scenariosByRule, SortedMap<String, List<String>> scenariosByLesson) {

    public static Coverage of(RuleSet rules, List<ScenarioResult> results, LessonCatalogue catalogue) {
        SortedMap<String, List<String>> byRule = new TreeMap<>();
        rules.rules().keySet().forEach(r -> byRule.put(r, new ArrayList<>()));
        SortedMap<String, List<String>> byLesson = new TreeMap<>();
        catalogue.lessons().keySet().forEach(l -> byLesson.put(l, new ArrayList<>()));
        for (ScenarioResult r : results) {
            String id = r.scenario().id();
            new TreeSet<>(r.firedRules()).forEach(rule -> byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(id));
            r.scenario().lessons().forEach(l -> byLesson.computeIfAbsent(l, k -> new ArrayList<>()).add(id));
        }
        return new Coverage(byRule, byLesson);
    }

    public List<String> uncoveredRules() {
        return scenariosByRule.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey()).toList();
    }

    /** Lessons named by fewer than {@code minimum} scenarios. */
    public List<String> lessonsWithFewerScenariosThan(int minimum) {
        return scenariosByLesson.entrySet().stream().filter(e -> e.getValue().size() < minimum).map(e -> e.getKey()).toList();
    }
}
