package io.frontlineguard.verification;

import io.frontlineguard.decision.EvaluationThreads;
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
 * The one way a rules folder becomes rules in force: read it, lint it (the sandbox), compile what
 * the lint admitted, and run every scenario beside it, each within a deadline. Start-up, reload,
 * the authors' command line, the tests and the benchmarks all go through here, so whatever passes
 * locally is exactly what the service would accept, and nothing of a file runs before its lint.
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

    public ScenarioRunner runner() {
        return runner;
    }

    /**
     * Everything wrong with a folder in one pass, for {@code guard check}: the lesson catalogue, the
     * lint, the compiler (only when the lint admitted every file) and the scenario files' syntax.
     */
    public record Checked(List<RuleProblem> problems, RuleSet rules, LessonCatalogue lessons, int files) {
    }

    public Checked check(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        List<RuleProblem> problems = new ArrayList<>();
        LessonCatalogue read = null;
        try {
            read = LessonCatalogue.read(dir);
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
            ScenarioLoader.load(dir);
        } catch (ScenarioException e) {
            problems.add(e.problem());
        }
        return new Checked(List.copyOf(problems), problems.isEmpty() ? rules : null, lessons, sources.drl().size());
    }

    /** Lint problems only; nothing is compiled. */
    public List<RuleProblem> lint(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        return new RuleLinter(LessonCatalogue.read(dir)).lint(sources);
    }

    /** Lints and compiles (no scenario runs); throws with every problem when either fails. */
    public RuleSet compile(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        return compile(sources, LessonCatalogue.read(dir));
    }

    // Sources are read before the catalogue so that a missing folder is reported as such.
    private RuleSet compile(RuleSources sources, LessonCatalogue catalogue) {
        RuleLinter.Admission admission = new RuleLinter(catalogue).admit(sources);
        if (!admission.admitted()) {
            throw new RuleSetException(admission.problems());
        }
        return compiler.compile(admission.rules());
    }

    /** Lints, compiles and runs every scenario; only a rule set that passes all of them comes back. */
    public RuleSet load(Path dir) {
        return verify(dir).rules();
    }

    /**
     * As {@link #load(Path)}, and also returns which scenarios fired which rule. The lesson
     * catalogue is read before compiling so that the coverage describes the same folder state.
     */
    public Verified verify(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        LessonCatalogue catalogue = LessonCatalogue.read(dir);
        RuleSet rules = compile(sources, catalogue);
        List<RuleProblem> failures = new ArrayList<>();
        List<ScenarioResult> results = runner.runAll(rules, scenarios(dir));
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                Scenario s = r.scenario();
                failures.add(RuleProblem.error(s.file(), s.line(), 1,
                        "scenario '" + s.name() + "' fails: " + String.join("; ", r.differences())));
            }
        }
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return new Verified(rules, Coverage.of(rules, results, catalogue));
    }

    /**
     * {@link #verify(Path)} on a thread of its own, given up after {@code timeout}: a folder whose
     * verification hangs is refused like any other, and the caller (the watcher, the reload
     * endpoint, start-up) stays responsive.
     */
    public Verified verifyWithin(Path dir, Duration timeout) {
        try {
            return EvaluationThreads.verification().call(() -> verify(dir), timeout, () -> { });
        } catch (EvaluationThreads.DeadlineExceeded e) {
            throw new RuleSetException(List.of(RuleProblem.error(dir.toString(), 0, 0, "verification did not finish within "
                    + timeout.toMillis() + " ms (guard.rules.verify-timeout); the rules in force stay")));
        }
    }

    public static List<Scenario> scenarios(Path dir) {
        try {
            return ScenarioLoader.load(dir);
        } catch (ScenarioException e) {
            throw new RuleSetException(List.of(e.problem()));
        }
    }
}
