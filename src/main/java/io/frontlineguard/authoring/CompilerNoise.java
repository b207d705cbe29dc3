package io.frontlineguard.authoring;

import io.frontlineguard.ruleset.RuleProblem;
import java.util.List;

/** Drools repeats every syntax error of a file as a line-less "null Package"; the author needs only the first. */
final class CompilerNoise {

    private static final String NO_PACKAGE = "Parser returned a null Package";

    private CompilerNoise() {
    }

    static List<RuleProblem> without(List<RuleProblem> problems) {
        return problems.stream().filter(p -> !(p.message().contains(NO_PACKAGE) && problems.stream()
                .anyMatch(o -> o != p && o.file().equals(p.file()) && !o.message().contains(NO_PACKAGE)))).toList();
    }
}
