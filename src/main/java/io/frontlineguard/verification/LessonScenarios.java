package io.frontlineguard.verification;

import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scenarios that protect one lesson, sorted into the three every lesson needs (README,
 * "Writing a scenario"), read from what the scenarios did rather than from labels an author could
 * forget to update:
 * <ul>
 *   <li>its <b>case</b>: a scenario naming the lesson in which a rule citing it fires;</li>
 *   <li>a <b>near miss</b>: a scenario naming the lesson in which a rule citing it stays silent, its
 *       deciding fact being just on the other side (for a lesson of several rules, one of them: a
 *       warned caller's second outburst is the near miss of the rule that warns the first time);</li>
 *   <li>an <b>interaction</b>: a scenario naming the lesson and another one, in which a rule citing
 *       it fires, so the two are seen deciding together.</li>
 * </ul>
 */
record LessonScenarios(String id, Set<String> rules, int named, boolean hasCase, boolean hasNearMiss, boolean hasInteraction) {

    static List<LessonScenarios> of(VerifiedRules.Tested tested) {
        List<LessonScenarios> out = new ArrayList<>();
        for (String lesson : tested.lessons().lessons().keySet()) {
            Set<String> citing = tested.rules().rules().values().stream().filter(r -> r.lessons().contains(lesson))
                    .map(RuleInfo::name).collect(Collectors.toSet());
            int named = 0;
            boolean hasCase = false;
            boolean nearMiss = false;
            boolean interaction = false;
            for (ScenarioResult r : tested.results()) {
                if (!r.scenario().lessons().contains(lesson)) {
                    continue;
                }
                named++;
                boolean fires = r.firedRules().stream().anyMatch(citing::contains);
                hasCase |= fires;
                nearMiss |= !r.firedRules().containsAll(citing);
                interaction |= fires && r.scenario().lessons().stream().anyMatch(l -> !l.equals(lesson));
            }
            out.add(new LessonScenarios(lesson, citing, named, hasCase, nearMiss, interaction));
        }
        return out;
    }

    /** What the lesson lacks, said for its author; empty when it has all it needs. */
    Optional<String> gap() {
        if (rules.isEmpty()) {
            return Optional.of("is cited by no rule, so no scenario can show its case: cite it in a rule's @lesson,"
                    + " or take it out of the catalogue");
        }
        List<String> missing = new ArrayList<>();
        if (!hasCase) {
            missing.add("its case (a scenario naming it in which a rule citing it fires)");
        }
        if (!hasNearMiss) {
            missing.add("a near miss (a scenario naming it in which a rule citing it does not fire)");
        }
        if (!hasInteraction) {
            missing.add("an interaction (a scenario naming it and another lesson, in which a rule citing it fires)");
        }
        if (missing.isEmpty() && named >= Readiness.MIN_SCENARIOS_PER_LESSON) {
            return Optional.empty();
        }
        String count = named + (named == 1 ? " scenario names it" : " scenarios name it");
        return Optional.of("is not covered: " + count + (named < Readiness.MIN_SCENARIOS_PER_LESSON
                ? ", it needs " + Readiness.MIN_SCENARIOS_PER_LESSON + " at least" : "")
                + (missing.isEmpty() ? "" : "; it lacks " + String.join(", ", missing)));
    }
}
