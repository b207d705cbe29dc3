package io.frontlineguard.rulemanagement;

import io.frontlineguard.api.v1.RuleProblemDetail;
import java.time.Instant;
import java.util.List;

/**
 * One attempt to put the rules folder in force.
 *
 * @param trigger  {@code watch} (the folder changed) or {@code api} (POST /v1/admin/rules/reload)
 * @param version  the rulesetVersion of the files tried, or null when they could not be read
 * @param reasons  why the folder was refused, as the {@code reason} tag of {@code guard_rules_refusals_total}
 *                 spells it ({@code rules}, {@code scenario}, {@code coverage}, {@code timeout}); empty on success
 * @param problems each as {@code file:line:col: message}; empty when the attempt succeeded
 * @param details  the same problems as data, in the same order (code, parameters, location), for a
 *                 reader that words them in its own language (the console in Japanese)
 */
public record ReloadAttempt(Instant at, String trigger, Outcome outcome, String version, long durationMillis,
                            List<String> reasons, List<String> problems, List<RuleProblemDetail> details) {

    public enum Outcome { SUCCESS, FAILURE }

    public ReloadAttempt {
        reasons = List.copyOf(reasons);
        problems = List.copyOf(problems);
        details = List.copyOf(details);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
