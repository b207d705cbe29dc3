package io.frontlineguard.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.YamlTree;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one definition of a rules folder that is ready to be put in force. {@code guard test}'s exit
 * code, the build's gate (RuleCoverageTest) and every replica's start-up and reload all take their
 * answer from {@link VerifiedRules#verdict}, which applies this, so a folder one of them accepts
 * the others accept too. Ready means:
 * <ol>
 *   <li>the rules lint and compile, and every YAML file of the folder reads (else {@link Reason#RULES});</li>
 *   <li>every scenario passes ({@link Reason#SCENARIO});</li>
 *   <li>every rule is fired by a scenario, every scenario names the lessons it protects, and every
 *       lesson of the catalogue has at least {@value #MIN_SCENARIOS_PER_LESSON} scenarios among which
 *       its case, a near miss and an interaction ({@link Reason#COVERAGE}).</li>
 * </ol>
 * A rule or lesson nothing tests could be deleted or broken without anyone noticing, which is why
 * coverage refuses a folder exactly as a failing scenario does.
 */
public final class Readiness {

    /** A lesson's case, its near miss and its interaction: three scenarios at the least. */
    public static final int MIN_SCENARIOS_PER_LESSON = 3;

    /**
     * Why a folder is not ready; a closed set, because it tags a metric. {@code TIMEOUT}: the
     * verification did not finish within guard.rules.verify-timeout.
     */
    public enum Reason {
        RULES, SCENARIO, COVERAGE, TIMEOUT;

        /** How the metric tag and the reload history spell it. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One thing that keeps a folder from being ready, at its file, line and column. */
    public record Finding(Reason reason, RuleProblem problem) {
    }

    /**
     * The answer for one folder: what was tested (null when the rules could not be built) and every
     * finding; ready when there is none.
     */
    public record Verdict(VerifiedRules.Tested tested, List<Finding> findings) {

        public Verdict {
            findings = List.copyOf(findings);
        }

        static Verdict unbuildable(Reason reason, List<RuleProblem> problems) {
            return new Verdict(null, problems.stream().map(p -> new Finding(reason, p)).toList());
        }

        public boolean ready() {
            return findings.isEmpty();
        }

        public List<RuleProblem> problems() {
            return findings.stream().map(Finding::problem).toList();
        }

        public Set<Reason> reasons() {
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            findings.forEach(f -> reasons.add(f.reason()));
            return reasons;
        }
    }

    private Readiness() {
    }

    /** Judges a folder whose rules compiled and whose scenarios ran. */
    static Verdict judge(VerifiedRules.Tested tested, FolderSnapshot folder) {
        List<Finding> findings = new ArrayList<>();
        for (ScenarioResult r : tested.failures()) {
            Scenario s = r.scenario();
            findings.add(new Finding(Reason.SCENARIO, RuleProblem.error(s.file(), s.line(), 1,
                    "scenario '" + s.name() + "' fails: " + String.join("; ", r.differences()))));
        }
        for (String rule : tested.coverage().uncoveredRules()) {
            RuleInfo info = tested.rules().rules().get(rule);
            findings.add(coverage(RuleProblem.error(info == null ? "?" : info.file(), info == null ? 0 : info.line(), 1,
                    "rule \"" + rule + "\" is not covered: no scenario fires it; add one whose decision depends on it")));
        }
        for (ScenarioResult r : tested.results()) {
            Scenario s = r.scenario();
            if (s.lessons().isEmpty()) {
                findings.add(coverage(RuleProblem.error(s.file(), s.line(), 1, "scenario '" + s.name()
                        + "' names no lesson: add 'lessons: [...]' with the lessons its decision protects")));
            }
        }
        LessonPositions positions = new LessonPositions(folder);
        for (LessonScenarios lesson : LessonScenarios.of(tested)) {
            lesson.gap().ifPresent(gap -> findings.add(coverage(positions.at(lesson.id(), "lesson '" + lesson.id() + "' " + gap))));
        }
        return new Verdict(tested, findings);
    }

    private static Finding coverage(RuleProblem p) {
        return new Finding(Reason.COVERAGE, p);
    }

    /** Where each lesson stands in lessons.yaml, so a gap in its scenarios points at its entry. */
    private static final class LessonPositions {
        private final YamlTree.Parsed parsed;

        LessonPositions(FolderSnapshot folder) {
            // The catalogue was read from this snapshot before the rules compiled, so it is there and parses.
            this.parsed = YamlTree.parse(LessonCatalogue.FILE, folder.text(LessonCatalogue.FILE));
        }

        RuleProblem at(String lesson, String message) {
            JsonNode lessons = parsed.root().path("lessons");
            return parsed.problemAt(lessons, lesson, message);
        }
    }

    /** The summary line of the lessons for {@code guard test}: how many have all they need. */
    public static String lessonSummary(VerifiedRules.Tested tested) {
        List<LessonScenarios> all = LessonScenarios.of(tested);
        long complete = all.stream().filter(l -> l.gap().isEmpty()).count();
        return "lesson coverage: " + complete + "/" + all.size() + " lessons with their case, near miss and interaction";
    }

    /** The summary line of the rules for {@code guard test}: how many a scenario fires. */
    public static String ruleSummary(VerifiedRules.Tested tested) {
        var byRule = tested.coverage().scenariosByRule();
        long covered = byRule.values().stream().filter(v -> !v.isEmpty()).count();
        return "rule coverage: " + covered + "/" + byRule.size() + " rules fired by a scenario";
    }
}
