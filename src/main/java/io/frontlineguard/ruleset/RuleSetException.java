package io.frontlineguard.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot become a rule set; it carries every problem found, not just the first. */
public class RuleSetException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
