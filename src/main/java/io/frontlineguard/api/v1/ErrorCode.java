package io.frontlineguard.api.v1;

/**
 * The closed set of machine-readable error codes every error response carries in {@code code};
 * clients branch on these, never on titles or messages.
 */
public enum ErrorCode {
    INVALID_INCIDENT(400, "The incident is not valid"),
    /** A request the HTTP layer could not take, for a reason that has no code of its own; status says which. */
    BAD_REQUEST(400, "The request cannot be processed"),
    INVALID_BATCH(400, "The batch is not valid"),
    /** A request to a case-officer or admin endpoint whose body or parameters are not valid. */
    INVALID_REQUEST(400, "The request is not valid"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this caller"),
    /** Lifting a block needs a recorded approval by the executive in charge (lesson L000-3). */
    EXECUTIVE_APPROVAL_REQUIRED(403, "An executive's approval is required"),
    NOT_FOUND(404, "No such resource"),
    /** Case memory knows nothing about this caller. */
    UNKNOWN_CALLER(404, "No such caller in case memory"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Cannot produce the requested media type"),
    /** The incident id was recorded with a different request; a retry repeats the request unchanged. */
    INCIDENT_ID_REUSED(409, "The incident id belongs to another request"),
    BODY_TOO_LARGE(413, "Request body too large"),
    /** A scenario run is under way on this instance; runs are not queued, so nobody holds a worker thread waiting. */
    SCENARIO_RUN_BUSY(429, "A scenario run is already under way"),
    NEW_CALLER_QUOTA_EXCEEDED(429, "Too many new callers from this calling system"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RULES_REJECTED(422, "The rules were rejected"),
    /** The client closed the connection before its request was read; nobody reads this answer, but it is counted. */
    CLIENT_CLOSED(499, "The client closed the connection"),
    INTERNAL_ERROR(500, "Internal error"),
    RULES_UNAVAILABLE(503, "No rules are in force"),
    DECISION_TIMEOUT(503, "The decision did not finish within its deadline"),
    /** Case memory did not answer; an incident with a caller or case id is not decided without it. */
    MEMORY_UNAVAILABLE(503, "Case memory is unavailable"),
    /** The request arrived after this instance began its graceful drain; nothing was read or decided. */
    SHUTTING_DOWN(503, "This instance is shutting down");

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
