package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One line of the decision log. {@code decisionId} comes first so a lookup can recognise its line
 * without parsing the others. Every personal identifier in {@code request} and in the actions'
 * params is already an HMAC.
 */
@JsonPropertyOrder({"decisionId", "time", "rulesetVersion", "incidentId", "request", "actions", "firedRules",
        "evaluationNanos"})
public record LogEntry(String decisionId, String time, String rulesetVersion, String incidentId, JsonNode request,
                       List<LoggedAction> actions, List<String> firedRules, long evaluationNanos) {

    /** An action as decided: code, params (identifiers masked) and the rules behind it. */
    public record LoggedAction(String code, Map<String, Object> params, List<String> rules) {
    }
}
