package io.frontlineguard.decision;

import java.util.List;

/**
 * Everything one evaluation produced: the raw proposals and assessment answers, the rules that
 * fired, the resolved outcome.
 */
public record Evaluation(List<Candidate> candidates, List<Finding> findings, List<String> firedRules,
                         Resolution resolution, long nanos) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    /** An evaluation whose rules answered no part of the assessment. */
    public Evaluation(List<Candidate> candidates, List<String> firedRules, Resolution resolution, long nanos) {
        this(candidates, List.of(), firedRules, resolution, nanos);
    }

    /** What an evaluation that missed its deadline leaves: nothing, after the deadline's time. */
    public static Evaluation none(java.time.Duration deadline) {
        return new Evaluation(List.of(), List.of(), new Resolution(List.of(), List.of()), deadline.toNanos());
    }
}
