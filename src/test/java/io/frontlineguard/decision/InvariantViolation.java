package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Incident;
import java.util.List;

/**
 * One broken invariant for one incident: which invariant, the lessons behind it, what went wrong,
 * and what a regression scenario for this incident should expect to be present and absent.
 */
record InvariantViolation(String invariant, List<String> lessons, String detail, List<ActionCode> present,
                 List<ActionCode> absent) {

    /** The violation as a ready-to-paste scenario for the incident it was found on. */
    String scenarioFor(Incident incident) {
        return ScenarioPrinter.scenario(invariant, lessons, incident, present, absent);
    }

    /** Fails with every violation and, for each, the incident as a scenario; passes when there is none. */
    static void assertNone(Incident incident, List<InvariantViolation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(violations.size() + " contract invariant(s) broken:\n");
        violations.forEach(v -> message.append("  - ").append(v.invariant()).append(": ").append(v.detail()).append('\n'));
        message.append("Counterexample as regression scenario(s), ready to paste:\n");
        violations.forEach(v -> message.append(v.scenarioFor(incident)));
        throw new AssertionError(message.toString());
    }
}
