package io.frontlineguard.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules are fully guarded: every rule is fired by some scenario, every lesson in the
 * catalogue is named by at least {@value #MIN_SCENARIOS_PER_LESSON} scenarios (its case, a near miss
 * and an interaction), and every lesson the domain document defines is in the catalogue and cited
 * by a rule.
 */
class RuleCoverageTest {

    static final int MIN_SCENARIOS_PER_LESSON = 3;
    private static final Path RULES = Path.of("rules");
    /** The project's lesson document, beside the worktree; the ids are the first cell of table rows. */
    private static final Path LESSONS_MD = Path.of("../shared/domain/lessons.md");
    private static final Pattern LESSON_ROW = Pattern.compile("(?m)^\\|\\s*(L[0-9A-Z]+-\\d+)\\s*\\|");

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
    void everyDocumentedLessonIsCatalogued() throws IOException {
        Set<String> documented = documentedLessons();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeIf(catalogue::knows);
        assertTrue(missing.isEmpty(), () -> "lessons in " + LESSONS_MD + " missing from rules/lessons.yaml: "
                + missing + "\n" + coverage.report());
    }

    @Test
    void everyDocumentedLessonIsCitedByARule() throws IOException {
        Set<String> cited = rules.rules().values().stream().flatMap(r -> r.lessons().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> uncited = new TreeSet<>(documentedLessons());
        uncited.removeAll(cited);
        assertTrue(uncited.isEmpty(), () -> "lessons in " + LESSONS_MD + " no rule cites in @lesson: " + uncited
                + "\n" + coverage.report());
    }

    private static Set<String> documentedLessons() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(LESSONS_MD), () -> LESSONS_MD.toAbsolutePath() + " is not here");
        Matcher m = LESSON_ROW.matcher(Files.readString(LESSONS_MD, StandardCharsets.UTF_8));
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertTrue(!ids.isEmpty(), () -> LESSONS_MD + " has no lesson rows like '| L000-1 |'");
        return ids;
    }
}
