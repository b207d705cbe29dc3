package io.frontlineguard.security;

/** Every password-check thread is busy and the queue is full: 503 CREDENTIAL_CHECK_BUSY, not counted as a failed sign-in. */
public class CredentialCheckBusyException extends RuntimeException {
    public CredentialCheckBusyException() {
        super("every password check is busy", null, false, false);
    }
}
