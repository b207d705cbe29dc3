package io.frontlineguard.decision;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.Remembered;
import java.util.List;

/**
 * One decision: its id (created before evaluation, so logs can carry it), the facts the rules saw
 * (the request combined with case memory), what memory contributed, and what was decided.
 * {@code whatIf}: only asked ({@code ?record=false}), whether memory was used or not; the decision
 * log marks it, so a replay of what was decided can leave out what nobody acted on.
 */
public record Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation,
                       List<Remembered> remembered, MemoryUse memory, boolean whatIf) {

    public Decision {
        remembered = List.copyOf(remembered);
    }

    /** A what-if exactly when memory says so: a decision with memory asked with {@code ?record=false}. */
    public Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation,
                    List<Remembered> remembered, MemoryUse memory) {
        this(decisionId, incident, rulesetVersion, evaluation, remembered, memory, memory == MemoryUse.WHAT_IF);
    }

    public Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation) {
        this(decisionId, incident, rulesetVersion, evaluation, List.of(), MemoryUse.NOT_USED);
    }

    public Resolution resolution() {
        return evaluation.resolution();
    }
}
