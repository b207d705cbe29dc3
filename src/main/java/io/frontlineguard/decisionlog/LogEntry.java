package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.incident.Remembered;
import java.util.List;
import java.util.Map;

/**
 * One line of the decision log. {@code decisionId} comes first so a lookup can recognise its line
 * without parsing the others. {@code request} holds its personal identifiers already replaced by
 * HMACs ({@link LoggedRequest}); the actions' params are masked before they get here.
 */
@JsonPropertyOrder({"decisionId", "time", "rulesetVersion", "incidentId", "outcome", "memory", "whatIf", "request",
        "remembered", "actions", "assessment", "firedRules", "evaluationNanos"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEntry(String decisionId, String time, String rulesetVersion, String incidentId, String outcome,
                       String memory, Boolean whatIf, LoggedRequest request, List<LoggedRemembered> remembered, List<LoggedAction> actions,
                       LoggedAssessment assessment, List<String> firedRules, long evaluationNanos) {

    public static final String TIMED_OUT = "TIMED_OUT";

    /** The same entry for a decision that missed its deadline; decided entries carry no outcome. */
    LogEntry timedOut() {
        return new LogEntry(decisionId, time, rulesetVersion, incidentId, TIMED_OUT, memory, whatIf, request, remembered, actions,
                assessment, firedRules, evaluationNanos);
    }

    /** A fact case memory contributed, and where it was established; {@code at} as the contract writes times. */
    @JsonPropertyOrder({"fact", "value", "department", "decisionId", "at"})
    public record LoggedRemembered(String fact, Object value, String department, String decisionId, String at) {

        static LoggedRemembered of(Remembered r) {
            return new LoggedRemembered(r.fact(), r.value(), r.department(), r.decisionId(),
                    r.at() == null ? null : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.at()));
        }
    }

    /** The assessment as decided: each answer, the types found, and every rule behind them. */
    @JsonPropertyOrder({"handling", "harassment", "demandJustified", "meansAcceptable", "types", "rules"})
    public record LoggedAssessment(String handling, String harassment, String demandJustified, String meansAcceptable, List<String> types,
                                   List<String> rules) {

        static LoggedAssessment of(Assessment a) {
            java.util.TreeSet<String> rules = new java.util.TreeSet<>();
            rules.addAll(a.handling().ruleNames());
            rules.addAll(a.harassment().ruleNames());
            rules.addAll(a.demandJustified().ruleNames());
            rules.addAll(a.meansAcceptable().ruleNames());
            a.types().forEach(t -> rules.addAll(t.ruleNames()));
            return new LoggedAssessment(a.handling().value(), a.harassment().value(), a.demandJustified().value(), a.meansAcceptable().value(),
                    a.typeNames(), List.copyOf(rules));
        }
    }

    /** An action as decided: code, params (identifiers masked) and the rules behind it. */
    public record LoggedAction(String code, Map<String, Object> params, List<String> rules) {
    }
}
