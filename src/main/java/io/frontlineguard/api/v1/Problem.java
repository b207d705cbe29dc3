package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document, extended with a stable {@code code} and every offending field.
 * {@code ruleProblems}: for a refused rules folder, its {@code errors} as data (code, parameters,
 * location), so a reader can word them in its own language; absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "errors", "ruleProblems"})
public record Problem(String type, String title, int status, String detail, String code,
                      List<? extends ProblemItem> errors, List<RuleProblemDetail> ruleProblems) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<? extends ProblemItem> errors) {
        return of(code, code.status(), detail, errors);
    }

    /** Only {@link ErrorCode#BAD_REQUEST} stands for more than one status; every other code has its own. */
    public static Problem of(ErrorCode code, int status, String detail, List<? extends ProblemItem> errors) {
        if (status != code.status() && code != ErrorCode.BAD_REQUEST) {
            throw new IllegalArgumentException(code + " is always " + code.status());
        }
        List<RuleProblemDetail> details = errors == null ? List.of() : errors.stream()
                .filter(e -> e instanceof RuleError r && r.detail() != null).map(e -> ((RuleError) e).detail()).toList();
        return new Problem(code.type(), code.title(), status, detail, code.name(),
                errors == null || errors.isEmpty() ? null : List.copyOf(errors), details.isEmpty() ? null : details);
    }

    public static Problem of(ErrorCode code, String detail) {
        return of(code, detail, null);
    }
}
