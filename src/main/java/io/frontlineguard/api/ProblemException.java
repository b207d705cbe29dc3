package io.frontlineguard.api;

import java.util.List;

/** Ends a request with the problem document of {@code code}; {@link ProblemMappers} renders it. */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<?> errors;

    public ProblemException(ErrorCode code, String detail, List<?> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors;
    }

    public ProblemException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<?> errors() {
        return errors;
    }
}
