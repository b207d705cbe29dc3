package io.frontlineguard.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build's gate: the built-in rules must be ready to put in force by the one definition that
 * {@code guard test} and every replica's reload apply too ({@link Readiness}): they compile and
 * lint, every scenario passes, every rule is fired by a scenario, every scenario names its lessons,
 * and every lesson of the catalogue has its case, a near miss and an interaction. The gate asks
 * {@link VerifiedRules#verdict} and adds no rule of its own, so it cannot disagree with them
 * (OneVerificationTest proves it on broken folders). Nothing here reads outside the repository,
 * so a clone tests all of it.
 */
public class RuleCoverageTest {

    private static final Path RULES = Path.of("rules");

    @Test
    void theBuiltInRulesAreReadyToBePutInForce() {
        assertReady(RULES);
    }

    @Test
    void shouldCatalogueEveryLessonOfTheSourceCases() {
        // The catalogue in the repository is the list of lessons: every lesson of the domain document
        // (33: seeds 000 to 004 and the cross-cutting LX lessons); a lesson leaves it only on purpose.
        LessonCatalogue catalogue = LessonCatalogue.read(FolderSnapshot.read(RULES));
        assertTrue(catalogue.lessons().size() >= 33, () -> "lessons catalogued: " + catalogue.lessons().keySet());
        for (String seed : List.of("L000", "L001", "L002", "L003", "L004", "LX")) {
            assertTrue(catalogue.lessons().keySet().stream().anyMatch(id -> id.startsWith(seed + "-")),
                    () -> "no lesson of " + seed + " in rules/lessons.yaml");
        }
    }

    /** The gate's one assertion, for any folder: it fails with every finding, each at file:line:col. */
    public static void assertReady(Path dir) {
        Readiness.Verdict verdict = new VerifiedRules(Clock.systemUTC()).verdict(dir);
        assertTrue(verdict.ready(), () -> dir + " is not ready to be put in force:\n"
                + verdict.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
    }
}
