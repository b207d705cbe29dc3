package io.frontlineguard.authoring;

import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.verification.VerifiedRules;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code check [dir]}: everything that can be wrong with a rules folder before any scenario runs,
 * in one pass: the lesson catalogue, the sandbox lint, the DRL compiler (only for a folder the
 * lint admitted: nothing of a refused file is ever compiled), the thresholds and the scenario
 * files' syntax. An author fixes all of it from one listing instead of one error a run.
 */
final class CheckCommand {

    int run(RulesFolder folder, PrintStream out, PrintStream err) {
        if (!folder.exists()) {
            err.println(folder.given() + ": no such rules folder");
            return AuthorCommands.USAGE;
        }
        VerifiedRules.Checked checked = new VerifiedRules(Clock.systemUTC()).check(folder.path());
        List<String> lines = sorted(checked.problems()).stream().map(folder::format)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        lines.forEach(out::println);
        if (!lines.isEmpty()) {
            out.println(lines.size() + (lines.size() == 1 ? " problem" : " problems"));
            return AuthorCommands.PROBLEMS;
        }
        out.println("OK: " + checked.rules().rules().size() + " rules in " + checked.files() + " files, "
                + checked.lessons().lessons().size() + " lessons, version " + checked.rules().version());
        return AuthorCommands.OK;
    }

    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column).thenComparing(RuleProblem::message));
        return copy;
    }
}
