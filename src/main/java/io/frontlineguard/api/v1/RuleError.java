package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonValue;

/** A problem of the rules folder, written as {@code file:line:col: message} (wire format v1). */
public record RuleError(@JsonValue String text) implements ProblemItem {
}
