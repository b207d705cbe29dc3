package io.frontlineguard.memory;

/** A calling system brought in more new callers this minute than guard.memory.new-callers-per-minute allows. */
public class NewCallerQuotaExceededException extends RuntimeException {

    private final long retryAfterSeconds;

    public NewCallerQuotaExceededException(long retryAfterSeconds) {
        super(null, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
