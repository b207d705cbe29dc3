package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.ruleset.ProblemCodes;
import io.frontlineguard.ruleset.RuleProblem;
import java.util.Map;
import java.util.TreeMap;

/**
 * A problem of a rules folder as data (schema RuleProblemDetail): where, its code and parameters
 * ({@link ProblemCodes}), and the English message as detail, so a reader can word it in its own
 * language. Sent beside the {@code file:line:col: message} strings, which stay as they were.
 */
@JsonPropertyOrder({"file", "line", "column", "code", "args", "message"})
public record RuleProblemDetail(String file, int line, int column, String code, Map<String, String> args, String message) {

    public static RuleProblemDetail of(RuleProblem p) {
        ProblemCodes.Coded coded = ProblemCodes.of(p.message());
        return new RuleProblemDetail(p.file(), p.line(), p.column(), coded.code(), new TreeMap<>(coded.args()), p.message());
    }
}
