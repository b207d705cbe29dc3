package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One line of the decision log. {@code decisionId} comes first so a lookup can recognise its line
 * without parsing the others. {@code request} holds its personal identifiers already replaced by
 * HMACs ({@link LoggedRequest}); the actions' params are masked before they get here.
 */
@JsonPropertyOrder({"decisionId", "time", "rulesetVersion", "incidentId", "outcome", "request", "actions", "firedRules",
        "evaluationNanos"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEntry(String decisionId, String time, String rulesetVersion, String incidentId, String outcome,
                       LoggedRequest request, List<LoggedAction> actions, List<String> firedRules, long evaluationNanos) {

    public static final String TIMED_OUT = "TIMED_OUT";

    /** The same entry for a decision that missed its deadline; decided entries carry no outcome. */
    LogEntry timedOut() {
        return new LogEntry(decisionId, time, rulesetVersion, incidentId, TIMED_OUT, request, actions, firedRules, evaluationNanos);
    }

    /** An action as decided: code, params (identifiers masked) and the rules behind it. */
    public record LoggedAction(String code, Map<String, Object> params, List<String> rules) {
    }
}
