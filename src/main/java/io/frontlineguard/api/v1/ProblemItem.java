package io.frontlineguard.api.v1;

/** One entry of a problem's {@code errors}: a field of the request, or a problem of the rules folder. */
public sealed interface ProblemItem permits FieldError, RuleError {
}
