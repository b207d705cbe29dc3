package io.frontlineguard.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules are fully guarded: every rule is fired by some scenario, every lesson in the
 * catalogue is named by at least {@value #MIN_SCENARIOS_PER_LESSON} scenarios (its case, a near miss
 * and an interaction), and every lesson of the catalogue (rules/lessons.yaml, which holds every
 * lesson of the source cases) is cited by a rule. Nothing here reads outside the repository, so a
 * clone tests all of it.
 */
class RuleCoverageTest {

    static final int MIN_SCENARIOS_PER_LESSON = 3;
    private static final Path RULES = Path.of("rules");

    private static RuleSet rules;
    private static LessonCatalogue catalogue;
    private static Coverage coverage;

    @BeforeAll
    static void measure() {
        rules = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        catalogue = LessonCatalogue.read(FolderSnapshot.read(RULES));
        coverage = Coverage.of(rules, new ScenarioRunner().runAll(rules, ScenarioLoader.load(FolderSnapshot.read(RULES))), catalogue);
    }

    @Test
    void everyRuleIsFiredBySomeScenario() {
        assertTrue(coverage.uncoveredRules().isEmpty(),
                () -> "rules no scenario fires: " + coverage.uncoveredRules() + "\n" + coverage.report());
    }

    @Test
    void everyLessonHasItsCaseANearMissAndAnInteraction() {
        List<String> thin = coverage.lessonsWithFewerScenariosThan(MIN_SCENARIOS_PER_LESSON);
        assertTrue(thin.isEmpty(), () -> "lessons named by fewer than " + MIN_SCENARIOS_PER_LESSON + " scenarios: "
                + thin.stream().map(l -> l + " (" + coverage.scenariosByLesson().get(l).size() + ")")
                        .collect(Collectors.joining(", "))
                + "\n" + coverage.report());
    }

    @Test
    void everyCataloguedLessonIsCitedByARule() {
        Set<String> cited = rules.rules().values().stream().flatMap(r -> r.lessons().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> uncited = new TreeSet<>(catalogue.lessons().keySet());
        uncited.removeAll(cited);
        assertTrue(uncited.isEmpty(), () -> "lessons in rules/lessons.yaml no rule cites in @lesson: " + uncited
                + "\n" + coverage.report());
    }

    @Test
    void shouldCatalogueEveryLessonOfTheSourceCases() {
        // The catalogue in the repository is the list of lessons: every lesson of the domain document
        // (33: seeds 000 to 004 and the cross-cutting LX lessons); a lesson leaves it only on purpose.
        assertTrue(catalogue.lessons().size() >= 33, () -> "lessons catalogued: " + catalogue.lessons().keySet());
        for (String seed : List.of("L000", "L001", "L002", "L003", "L004", "LX")) {
            assertTrue(catalogue.lessons().keySet().stream().anyMatch(id -> id.startsWith(seed + "-")),
                    () -> "no lesson of " + seed + " in rules/lessons.yaml");
        }
    }
}
