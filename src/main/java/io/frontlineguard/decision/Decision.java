package io.frontlineguard.decision;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.Remembered;
import java.util.List;

/**
 * One decision: its id (created before evaluation, so logs can carry it), the facts the rules saw
 * (the request combined with case memory), what memory contributed, and what was decided.
 */
public record Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation,
                       List<Remembered> remembered, MemoryUse memory) {

    public Decision {
        remembered = List.copyOf(remembered);
    }

    public Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation) {
        this(decisionId, incident, rulesetVersion, evaluation, List.of(), MemoryUse.NOT_USED);
    }

    public Resolution resolution() {
        return evaluation.resolution();
    }
}
