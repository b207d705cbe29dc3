package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one batch item, at the item's {@code index}: {@code status} 200 with its
 * {@code decision}, or the status of its {@code problem} (the same document a single request gets).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(int index, int status, DecisionResponse decision, Problem problem) {

    public static BatchResult decided(int index, DecisionResponse decision) {
        return new BatchResult(index, 200, decision, null);
    }

    public static BatchResult refused(int index, Problem problem) {
        return new BatchResult(index, problem.status(), null, problem);
    }
}
