package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.frontlineguard.api.ErrorCode;
import java.util.List;

/** An RFC 9457 problem document, extended with a stable {@code code} and every offending field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String code, List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<?> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.name(), errors);
    }

    public static Problem of(ErrorCode code, String detail) {
        return of(code, detail, null);
    }
}
