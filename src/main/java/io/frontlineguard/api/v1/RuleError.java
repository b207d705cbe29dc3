package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.frontlineguard.ruleset.RuleProblem;

/**
 * A problem of the rules folder, written as {@code file:line:col: message} (wire format v1). The
 * same as data, when there is one, goes to the problem's {@code ruleProblems} (see {@link Problem}).
 */
public record RuleError(@JsonValue String text, @JsonIgnore RuleProblemDetail detail) implements ProblemItem {

    public RuleError(String text) {
        this(text, null);
    }

    public static RuleError of(RuleProblem p) {
        return new RuleError(p.toString(), RuleProblemDetail.of(p));
    }
}
