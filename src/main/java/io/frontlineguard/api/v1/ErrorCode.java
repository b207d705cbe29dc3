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
    /** The calling system asked for a department it may not speak for; nothing was decided or recorded. */
    DEPARTMENT_NOT_ALLOWED(403, "The calling system may not speak for this department"),
    /** Approving or rejecting a lift or an erasure takes the role executive (lesson L000-3). */
    EXECUTIVE_APPROVAL_REQUIRED(403, "An executive's approval is required"),
    /** An approval of one's own request: a lift or an erasure needs a second person (lesson L000-3). */
    SELF_APPROVAL(403, "Nobody approves their own request"),
    NOT_FOUND(404, "No such resource"),
    /** Case memory knows nothing about this caller. */
    UNKNOWN_CALLER(404, "No such caller in case memory"),
    /** No approval has this id (never asked for, or removed with an erased caller). */
    UNKNOWN_APPROVAL(404, "No such approval"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Cannot produce the requested media type"),
    /** The incident id was recorded with a different request; a retry repeats the request unchanged. */
    INCIDENT_ID_REUSED(409, "The incident id belongs to another request"),
    /** The approval was approved or rejected before; nothing changes a second time. */
    APPROVAL_ALREADY_DECIDED(409, "The approval was already decided"),
    /** The same change of the same caller already waits for an executive. */
    APPROVAL_ALREADY_PENDING(409, "This change already waits for an approval"),
    /** What the approval was asked for no longer applies (the block is gone); nothing changed. */
    APPROVAL_OUTDATED(409, "The approved change no longer applies"),
    BODY_TOO_LARGE(413, "Request body too large"),
    /** A scenario run is under way on this instance; runs are not queued, so nobody holds a worker thread waiting. */
    SCENARIO_RUN_BUSY(429, "A scenario run is already under way"),
    /** An impact replay is under way on this instance; like scenario runs, replays are refused rather than queued. */
    IMPACT_RUN_BUSY(429, "An impact replay is already under way"),
    /** Too many wrong passwords or bad tokens from this user name or client address; Retry-After says when to try again. */
    TOO_MANY_FAILED_LOGINS(429, "Too many failed sign-ins"),
    /** The calling system brought more new callers into memory this minute than its quota allows; Retry-After says when. */
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
    /** Every password check is busy; Retry-After says when to try again. A credential already verified is not affected. */
    CREDENTIAL_CHECK_BUSY(503, "Credentials cannot be checked right now"),
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
