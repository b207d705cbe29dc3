package io.frontlineguard.scenario;

import io.frontlineguard.ruleset.RuleProblem;

/** A scenario file that cannot be read; the problem names its file and line. */
public class ScenarioException extends RuntimeException {

    private final RuleProblem problem;

    public ScenarioException(RuleProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public RuleProblem problem() {
        return problem;
    }
}
