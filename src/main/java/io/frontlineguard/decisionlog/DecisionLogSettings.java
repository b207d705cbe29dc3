package io.frontlineguard.decisionlog;

import java.util.Optional;

/**
 * The start-up rule for the decision log's secret. Personal identifiers are only ever written as
 * HMACs, so the log needs a key; a key everyone knows would let anyone re-identify people by
 * hashing guessed phone numbers. Hence: in production there is no default key, and asking for
 * the log without one stops the service instead of writing weakly protected entries.
 */
public final class DecisionLogSettings {

    public static final String KEY_PROPERTY = "guard.decision-log.hmac-key";
    public static final String KEY_ENV = "GUARD_DECISION_LOG_HMAC_KEY";
    public static final int MIN_KEY_LENGTH = 32;
    /** The published, non-secret key of the dev and test profiles (application.properties); refused in prod. */
    public static final String DEV_KEY = "frontline-guard-dev-only-key-not-a-secret";

    private DecisionLogSettings() {
    }

    /**
     * Whether decisions are logged. {@code enabled} unset means "log when a key is configured";
     * an explicit {@code true} without a usable key, a short key, or the published dev key in
     * production is a configuration error that names the key to set.
     */
    public static boolean enabled(Optional<Boolean> enabled, Optional<String> key, boolean production) {
        if (enabled.isPresent() && !enabled.get()) {
            return false;
        }
        Optional<String> usable = key.map(String::strip).filter(k -> !k.isEmpty());
        if (usable.isEmpty()) {
            if (enabled.isPresent()) {
                throw new IllegalStateException("guard.decision-log.enabled=true but no HMAC key is configured: set "
                        + KEY_PROPERTY + " (env " + KEY_ENV + ") to a secret of at least " + MIN_KEY_LENGTH
                        + " characters, or set guard.decision-log.enabled=false");
            }
            return false;
        }
        if (usable.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(KEY_PROPERTY + " (env " + KEY_ENV + ") is shorter than "
                    + MIN_KEY_LENGTH + " characters; use a long random secret");
        }
        if (production && usable.get().equals(DEV_KEY)) {
            throw new IllegalStateException(KEY_PROPERTY + " is the published dev/test key, which is no secret;"
                    + " configure a real secret for production (env " + KEY_ENV + ")");
        }
        return true;
    }
}
