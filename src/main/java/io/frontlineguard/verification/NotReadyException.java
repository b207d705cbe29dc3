package io.frontlineguard.verification;

import io.frontlineguard.ruleset.RuleSetException;

/**
 * A folder that is not ready to be put in force ({@link Readiness}), with every finding; a
 * {@link RuleSetException}, so whoever already refuses rules that do not compile refuses these too,
 * and the reloader can still tell why (the reasons tag its refusal metric).
 */
public class NotReadyException extends RuleSetException {

    private final transient Readiness.Verdict verdict;

    public NotReadyException(Readiness.Verdict verdict) {
        super(verdict.problems());
        this.verdict = verdict;
    }

    public Readiness.Verdict verdict() {
        return verdict;
    }
}
