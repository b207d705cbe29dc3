package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.incident.Violation;
import java.util.List;

/** What is wrong with one field of a request (wire format v1; schema Violation). */
@JsonPropertyOrder({"path", "code", "message", "allowed"})
public record FieldError(String path, String code, String message, List<String> allowed) implements ProblemItem {

    public static FieldError of(Violation v) {
        return new FieldError(v.path(), v.code().name(), v.message(), v.allowed());
    }

    public static List<FieldError> of(List<Violation> violations) {
        return violations.stream().map(FieldError::of).toList();
    }
}
