package io.frontlineguard.verification;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a rules folder becomes rules in force: read it, lint it, compile it, and run every
 * scenario beside it. Start-up, reload and the authors' command line all go through here, so
 * whatever passes locally is exactly what the service would accept.
 */
public final class VerifiedRules {

    private final RuleSetCompiler compiler;
    private final ScenarioRunner runner = new ScenarioRunner();

    public VerifiedRules(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
    }

    /** Lint problems only; the rules are not compiled. */
    public List<RuleProblem> lint(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        return new RuleLinter(LessonCatalogue.read(dir)).lint(sources);
    }

    /** Lints and compiles; throws with every problem when either fails. */
    public RuleSet compile(Path dir) {
        RuleSources sources = RuleSources.read(dir);
        return compile(sources, LessonCatalogue.read(dir));
    }

    // Sources are read before anything else so that a missing folder is reported as such.
    private RuleSet compile(RuleSources sources, LessonCatalogue catalogue) {
        List<RuleProblem> problems = new RuleLinter(catalogue).lint(sources);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return compiler.compile(sources);
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

    public static List<Scenario> scenarios(Path dir) {
        try {
            return ScenarioLoader.load(dir);
        } catch (ScenarioException e) {
            throw new RuleSetException(List.of(e.problem()));
        }
    }
}
