package io.frontlineguard.incident;

import java.util.List;

/**
 * One thing wrong with a request body.
 *
 * @param path    where, in dotted and indexed form such as {@code caller.policeInvolvement},
 *                {@code demands[1].type} or {@code conduct[0]}; empty for the body as a whole
 * @param code    what kind of problem
 * @param message a short English sentence for the client developer
 * @param allowed the allowed values for enum problems, the known field names at that level for
 *                {@link ViolationCode#UNKNOWN_FIELD}; empty otherwise
 */
public record Violation(String path, ViolationCode code, String message, List<String> allowed) {

    public Violation {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public Violation(String path, ViolationCode code, String message) {
        this(path, code, message, List.of());
    }
}
