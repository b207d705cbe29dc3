package io.frontlineguard.decision;

import java.util.List;

/** Everything one evaluation produced: the raw proposals, the rules that fired, the resolved outcome. */
public record Evaluation(List<Candidate> candidates, List<String> firedRules, Resolution resolution, long nanos) {
}
