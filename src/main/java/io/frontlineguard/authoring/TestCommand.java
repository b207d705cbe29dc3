package io.frontlineguard.authoring;

import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.verification.Coverage;
import io.frontlineguard.verification.VerifiedRules;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code test [dir]}: runs every scenario beside the rules, prints each failure with its diff and
 * the rules that fired, the pass/fail count, and the coverage report. A rule no scenario fires, or
 * a lesson no scenario names, fails the run: nothing would notice if that rule broke.
 */
final class TestCommand {

    int run(RulesFolder folder, PrintStream out, PrintStream err) {
        if (!folder.exists()) {
            err.println(folder.given() + ": no such rules folder");
            return AuthorCommands.USAGE;
        }
        VerifiedRules.Tested tested;
        try {
            tested = new VerifiedRules(Clock.systemUTC()).test(folder.path());
        } catch (RuleSetException e) {
            e.problems().stream().map(folder::format).forEach(out::println);
            out.println("the rules do not compile or a scenario file cannot be read; for every problem at once run: ./guard check "
                    + folder.given());
            return AuthorCommands.PROBLEMS;
        }
        List<ScenarioResult> results = tested.results();
        int failed = 0;
        for (ScenarioResult r : tested.failures()) {
            failed++;
            out.print(withFolder(folder, r));
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        Coverage coverage = tested.coverage();
        out.print(coverage.report());
        return failed == 0 && coverage.complete() ? AuthorCommands.OK : AuthorCommands.PROBLEMS;
    }

    /** The report names the scenario file relative to the folder; print it from the folder as given. */
    private static String withFolder(RulesFolder folder, ScenarioResult r) {
        String report = r.report();
        String location = r.scenario().location();
        return report.startsWith(location)
                ? folder.display(r.scenario().file()) + report.substring(r.scenario().file().length())
                : report;
    }
}
