package io.frontlineguard.impact;

import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.verification.Readiness;
import java.util.List;
import java.util.function.Function;

/**
 * Whether the candidate of an impact report is ready to be put in force, by the one verification
 * {@code guard test} and every replica apply ({@link Readiness}): an author learns in one report
 * that a change would alter 37 decisions and fails 2 scenarios. {@code reasons} are the tags the
 * reload history and the refusal metric use; {@code problems} every finding, located as
 * {@code guard test} locates it. The impact is reported either way: the exit code stays the impact's.
 */
public record CandidateVerification(boolean ready, List<String> reasons, int scenarios, int failedScenarios,
                                    List<String> problems, List<RuleProblem> findings) {

    public CandidateVerification {
        reasons = List.copyOf(reasons);
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
    }

    /** The verdict as reported; {@code located} writes a problem's file as the reader named the folder. */
    public static CandidateVerification of(Readiness.Verdict verdict, Function<RuleProblem, String> located) {
        int run = verdict.tested() == null ? 0 : verdict.tested().results().size();
        int failed = verdict.tested() == null ? 0 : verdict.tested().failures().size();
        return new CandidateVerification(verdict.ready(), verdict.reasons().stream().map(Readiness.Reason::tag).sorted().toList(),
                run, failed, verdict.problems().stream().map(located).toList(), verdict.problems());
    }

    /** {@code ready: 140 scenarios pass, …} or {@code not ready: 2 of 140 scenarios fail; 1 other problem (coverage)}. */
    public String summary() {
        if (ready) {
            return "ready: " + scenarios + " scenarios pass, every rule and lesson covered";
        }
        StringBuilder s = new StringBuilder("not ready: ");
        if (failedScenarios > 0) {
            s.append(failedScenarios).append(" of ").append(scenarios).append(" scenarios fail");
        }
        int others = problems.size() - failedScenarios;
        if (others > 0) {
            List<String> why = reasons.stream().filter(r -> !r.equals(Readiness.Reason.SCENARIO.tag())).toList();
            s.append(failedScenarios > 0 ? "; " : "").append(others).append(failedScenarios > 0 ? " other" : "")
                    .append(others == 1 ? " problem" : " problems").append(" (").append(String.join(", ", why)).append(")");
        }
        return s.toString();
    }
}
