package io.frontlineguard.rulemanagement;

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
 */
public record ReloadAttempt(Instant at, String trigger, Outcome outcome, String version, long durationMillis,
                            List<String> reasons, List<String> problems) {

    public enum Outcome { SUCCESS, FAILURE }

    public ReloadAttempt {
        reasons = List.copyOf(reasons);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
