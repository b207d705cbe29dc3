package io.frontlineguard.authoring;

import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleLinter;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetCompiler;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.RuleSources;
import io.frontlineguard.scenario.ScenarioException;
import io.frontlineguard.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code check [dir]}: everything that can be wrong with a rules folder before any scenario runs,
 * in one pass: the sandbox lint, the DRL compiler, the thresholds, the lesson catalogue and the
 * scenario files' syntax. An author fixes all of it from one listing instead of one error a run.
 */
final class CheckCommand {

    private static final String NO_LESSON = "names no lesson";

    int run(RulesFolder folder, PrintStream out, PrintStream err) {
        if (!folder.exists()) {
            err.println(folder.given() + ": no such rules folder");
            return CommandLine.USAGE;
        }
        RuleSources sources = RuleSources.read(folder.path());
        List<RuleProblem> problems = new ArrayList<>();

        LessonCatalogue read = catalogue(folder, problems);
        LessonCatalogue catalogue = read != null ? read : new LessonCatalogue(new TreeMap<>());
        List<RuleProblem> lint = new RuleLinter(catalogue).lint(sources).stream()
                // Without a readable catalogue every lesson id would look unknown; its own problem says enough.
                .filter(p -> read != null || !p.message().endsWith("is not in " + LessonCatalogue.FILE))
                .toList();
        problems.addAll(lint);

        RuleSet compiled = null;
        try {
            compiled = new RuleSetCompiler(Clock.systemUTC()).compile(sources);
        } catch (RuleSetException e) {
            // The compiler re-checks @lesson from the rule metadata; the lint already said so on that line.
            CompilerNoise.without(e.problems()).stream()
                    .filter(p -> !(p.message().contains(NO_LESSON) && saidOnSameLine(lint, p)))
                    .forEach(problems::add);
        }

        try {
            ScenarioLoader.load(folder.path());
        } catch (ScenarioException e) {
            problems.add(e.problem());
        }

        List<String> lines = sorted(problems).stream().map(folder::format).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        lines.forEach(out::println);
        if (!lines.isEmpty()) {
            out.println(lines.size() + (lines.size() == 1 ? " problem" : " problems"));
            return CommandLine.PROBLEMS;
        }
        out.println("OK: " + compiled.rules().size() + " rules in " + sources.drl().size() + " files, "
                + catalogue.lessons().size() + " lessons, version " + compiled.version());
        return CommandLine.OK;
    }

    private static LessonCatalogue catalogue(RulesFolder folder, List<RuleProblem> problems) {
        try {
            return LessonCatalogue.read(folder.path());
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static boolean saidOnSameLine(List<RuleProblem> lint, RuleProblem p) {
        return lint.stream().anyMatch(l -> l.file().equals(p.file()) && l.line() == p.line() && l.message().contains(NO_LESSON));
    }

    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column).thenComparing(RuleProblem::message));
        return copy;
    }
}
