package io.frontlineguard.impact;

import java.time.Instant;
import java.util.List;

/**
 * A finished replay with what it ran on: the candidate folder and version, the log files, the
 * period, and whether the candidate passes the verification every replica applies. Every output
 * (text, JSON, HTML, the exit code) is written from this one value, so they cannot disagree.
 */
public record ImpactReport(String candidate, String candidateVersion, int candidateRules, List<String> logs,
                           String sinceAsGiven, Instant since, ImpactSummary summary, ReportNames names,
                           CandidateVerification verification) {

    /**
     * 0 when no replayed decision changed, 1 when at least one did (like guard diff). The
     * verification is reported beside it and does not change it: CI that gates on the exit code
     * keeps its meaning, and {@code guard test} is the gate for readiness.
     */
    public int exitCode() {
        return summary.changed() == 0 ? 0 : 1;
    }
}
