package io.frontlineguard.authoring;

import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.verification.Readiness;
import io.frontlineguard.verification.VerifiedRules;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code test [dir]}: asks the one question every replica asks before it puts a folder in force
 * ({@link Readiness}), and prints the answer for an author: each failing scenario with its diff
 * and the rules that fired, the pass/fail count, the coverage, and every other finding at its
 * {@code file:line:col}. The exit code is the verdict, so whatever passes here a reload accepts.
 */
final class TestCommand {

    int run(RulesFolder folder, PrintStream out, PrintStream err) {
        if (!folder.exists()) {
            err.println(folder.given() + ": no such rules folder");
            return AuthorCommands.USAGE;
        }
        Readiness.Verdict verdict = new VerifiedRules(Clock.systemUTC()).verdict(folder.path());
        VerifiedRules.Tested tested = verdict.tested();
        if (tested == null) {
            verdict.problems().stream().map(folder::format).forEach(out::println);
            out.println("the rules do not compile or a scenario file cannot be read; for every problem at once run: ./guard check "
                    + folder.given());
            return AuthorCommands.PROBLEMS;
        }
        for (ScenarioResult r : tested.failures()) {
            out.print(withFolder(folder, r));
        }
        int failed = tested.failures().size();
        out.println((tested.results().size() - failed) + " passed, " + failed + " failed");
        out.println(Readiness.ruleSummary(tested));
        out.println(Readiness.lessonSummary(tested));
        // Failing scenarios were reported in full above; every other finding gets its one located line.
        verdict.findings().stream().filter(f -> f.reason() != Readiness.Reason.SCENARIO)
                .map(f -> folder.format(f.problem())).forEach(out::println);
        if (verdict.ready()) {
            out.println("ready: a replica would put version " + tested.rules().version() + " in force");
            return AuthorCommands.OK;
        }
        int n = verdict.findings().size();
        out.println("not ready: " + n + (n == 1 ? " problem" : " problems")
                + "; a replica refuses this folder and keeps the rules it has in force");
        return AuthorCommands.PROBLEMS;
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
