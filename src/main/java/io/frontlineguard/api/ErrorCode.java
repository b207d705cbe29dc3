package io.frontlineguard.api;

/**
 * The closed set of machine-readable error codes every error response carries in {@code code};
 * clients branch on these, never on titles or messages.
 */
public enum ErrorCode {
    INVALID_INCIDENT(400, "The incident is not valid"),
    INVALID_BATCH(400, "The batch is not valid"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this caller"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Cannot produce the requested media type"),
    BODY_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RULES_REJECTED(422, "The rules were rejected"),
    INTERNAL_ERROR(500, "Internal error"),
    RULES_UNAVAILABLE(503, "No rules are in force"),
    DECISION_TIMEOUT(503, "The decision did not finish within its deadline");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "urn:frontline-guard:problem:" + name().toLowerCase().replace('_', '-');
    }
}
