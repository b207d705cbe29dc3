package io.frontlineguard.scenario;

import io.frontlineguard.ruleset.RuleProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be read, with every problem found in it, each at its line and column. */
public class ScenarioException extends RuntimeException {

    private final List<RuleProblem> problems;

    public ScenarioException(RuleProblem problem) {
        this(List.of(problem));
    }

    public ScenarioException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The first problem, in file order. */
    public RuleProblem problem() {
        return problems.get(0);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
