package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.ProblemItem;
import java.util.List;

/** Ends a request with the problem document of {@code code}; {@link ProblemMappers} renders it. */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<? extends ProblemItem> errors;

    public ProblemException(ErrorCode code, String detail, List<? extends ProblemItem> errors) {
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

    public List<? extends ProblemItem> errors() {
        return errors;
    }
}
