package io.frontlineguard.decision;

import java.util.List;

/** Everything one evaluation produced: the raw proposals, the rules that fired, the resolved outcome. */
public record Evaluation(List<Candidate> candidates, List<String> firedRules, Resolution resolution, long nanos) {

    /** What an evaluation that missed its deadline leaves: nothing, after the deadline's time. */
    public static Evaluation none(java.time.Duration deadline) {
        return new Evaluation(List.of(), List.of(), new Resolution(List.of(), List.of()), deadline.toNanos());
    }
}
