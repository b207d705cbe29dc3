package io.frontlineguard.verification;

import io.frontlineguard.decision.EvaluationThreads;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleLinter;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetCompiler;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.RuleSources;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioException;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The one way a rules folder becomes rules in force: read it once into a snapshot, lint it (the
 * sandbox), compile what the lint admitted, run every scenario beside it, each within a
 * deadline, and judge whether the folder is ready ({@link Readiness}). Start-up and reload (through the reloader), every command of the authors' command line,
 * the tests and the benchmarks all come here, so whatever passes locally is exactly what the
 * service would accept, and nothing of a file runs before its lint.
 */
public final class VerifiedRules {

    private final RuleSetCompiler compiler;
    private final ScenarioRunner runner;

    public VerifiedRules(Clock clock) {
        this(clock, ScenarioRunner.DEFAULT_DEADLINE);
    }

    public VerifiedRules(Clock clock, Duration scenarioDeadline) {
        this.compiler = new RuleSetCompiler(clock);
        this.runner = new ScenarioRunner(scenarioDeadline);
    }


    /**
     * Everything wrong with a folder in one pass, for {@code guard check}: the lesson catalogue, the
     * lint, the compiler (only when the lint admitted every file) and the scenario files' syntax.
     */
    public record Checked(List<RuleProblem> problems, RuleSet rules, LessonCatalogue lessons, int files) {
    }

    public Checked check(Path dir) {
        FolderSnapshot folder = FolderSnapshot.read(dir);
        RuleSources sources = RuleSources.of(folder);
        List<RuleProblem> problems = new ArrayList<>();
        LessonCatalogue read = null;
        try {
            read = LessonCatalogue.read(folder);
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
        }
        LessonCatalogue lessons = read != null ? read : new LessonCatalogue(new TreeMap<>());
        RuleLinter.Admission admission = new RuleLinter(lessons).admit(sources);
        boolean catalogueRead = read != null;
        // Without a readable catalogue every lesson id would look unknown; its own problem says enough.
        admission.problems().stream()
                .filter(p -> catalogueRead || !p.message().endsWith("is not in " + LessonCatalogue.FILE))
                .forEach(problems::add);
        RuleSet rules = null;
        List<RuleProblem> thresholds = RuleSetCompiler.checkThresholds(sources);
        problems.addAll(thresholds);
        if (admission.admitted() && thresholds.isEmpty()) {
            try {
                rules = compiler.compile(admission.rules());
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        try {
            // Without a readable catalogue every lesson id would look unknown; its own problem says enough.
            ScenarioLoader.load(folder, catalogueRead ? lessons::knows : id -> true);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
        return new Checked(List.copyOf(problems), problems.isEmpty() ? rules : null, lessons, sources.drl().size());
    }

    /** Lints and compiles (no scenario runs); throws with every problem when either fails. */
    public RuleSet compile(Path dir) {
        return compile(FolderSnapshot.read(dir));
    }

    public RuleSet compile(FolderSnapshot folder) {
        return compile(folder, LessonCatalogue.read(folder));
    }

    /** The scenarios of a snapshot, incidents as written; a file that cannot be read throws with every problem of it. */
    public static List<Scenario> scenarios(FolderSnapshot folder) {
        try {
            return ScenarioLoader.load(folder);
        } catch (ScenarioException e) {
            throw new RuleSetException(e.problems());
        }
    }

    /** As {@link #scenarios(FolderSnapshot)}, with each incident and each lesson named checked too. */
    private static List<Scenario> checkedScenarios(FolderSnapshot folder, LessonCatalogue catalogue) {
        try {
            return ScenarioLoader.load(folder, catalogue::knows);
        } catch (ScenarioException e) {
            throw new RuleSetException(e.problems());
        }
    }

    private RuleSet compile(FolderSnapshot folder, LessonCatalogue catalogue) {
        RuleLinter.Admission admission = new RuleLinter(catalogue).admit(RuleSources.of(folder));
        if (!admission.admitted()) {
            throw new RuleSetException(admission.problems());
        }
        return compiler.compile(admission.rules());
    }

    /** A folder's rules with the result of every scenario beside them, passed or not, and the coverage. */
    public record Tested(RuleSet rules, List<ScenarioResult> results, Coverage coverage, LessonCatalogue lessons) {

        public List<ScenarioResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }
    }

    /** Lints, compiles and runs every scenario; throws only when the rules cannot be built or a scenario file read. */
    public Tested test(FolderSnapshot folder) {
        LessonCatalogue catalogue = LessonCatalogue.read(folder);
        RuleSet rules = compile(folder, catalogue);
        List<ScenarioResult> results = runner.runAll(rules, checkedScenarios(folder, catalogue));
        return new Tested(rules, results, Coverage.of(rules, results, catalogue), catalogue);
    }

    public Tested test(Path dir) {
        return test(FolderSnapshot.read(dir));
    }

    /**
     * Whether a folder is ready to be put in force ({@link Readiness}): the one answer {@code guard
     * test}, the build's gate and every replica's reload share. Never throws for the folder's content.
     */
    public Readiness.Verdict verdict(FolderSnapshot folder) {
        Tested tested;
        try {
            tested = test(folder);
        } catch (RuleSetException e) {
            return Readiness.Verdict.unbuildable(Readiness.Reason.RULES, e.problems());
        }
        return Readiness.judge(tested, folder);
    }

    public Readiness.Verdict verdict(Path dir) {
        try {
            return verdict(FolderSnapshot.read(dir));
        } catch (RuleSetException unreadable) {
            return Readiness.Verdict.unbuildable(Readiness.Reason.RULES, unreadable.problems());
        }
    }

    /** Only a folder that is ready comes back as rules to put in force; any other throws with every finding. */
    public Verified verify(FolderSnapshot folder) {
        Readiness.Verdict verdict = verdict(folder);
        if (!verdict.ready()) {
            throw new NotReadyException(verdict);
        }
        Tested tested = verdict.tested();
        return new Verified(tested.rules(), tested.coverage(), tested.lessons());
    }

    /**
     * {@link #verify} on a thread of its own, given up after {@code timeout}: a folder whose
     * verification hangs is refused like any other, and the caller (the watcher, the reload
     * endpoint, start-up) stays responsive.
     */
    public Verified verifyWithin(FolderSnapshot folder, Duration timeout) {
        try {
            return EvaluationThreads.verification().call(() -> verify(folder), timeout, () -> { });
        } catch (EvaluationThreads.DeadlineExceeded e) {
            throw new NotReadyException(Readiness.Verdict.unbuildable(Readiness.Reason.TIMEOUT,
                    List.of(RuleProblem.error(folder.directory().toString(), 0, 0, "verification did not finish within "
                            + timeout.toMillis() + " ms (guard.rules.verify-timeout); the rules in force stay"))));
        }
    }
}
