package io.frontlineguard.security;

/** A throttled user name or address tried again: 429 TOO_MANY_FAILED_LOGINS, nothing hashed. */
public class TooManyFailedLoginsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyFailedLoginsException(long retryAfterSeconds) {
        super("too many failed sign-ins", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
