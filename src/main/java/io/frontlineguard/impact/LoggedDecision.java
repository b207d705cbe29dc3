package io.frontlineguard.impact;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.decisionlog.LogEntry;
import io.frontlineguard.decisionlog.LoggedIncident;
import io.frontlineguard.incident.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision log entry as the replay needs it: the facts the rules saw (the request as merged
 * with the case memory recollection of that moment, so nothing is looked up again), what was
 * decided, and the identifying fields exactly as the log wrote them, personal ids as pseudonyms.
 */
record LoggedDecision(String decisionId, Instant time, String rulesetVersion, String incidentId, String caseId,
                      String department, String callerId, String occurredAt, boolean timedOut, Incident incident,
                      List<DecidedAction> actions, Judged assessment) {

    /** An action as logged or as replayed: code, params in canonical JSON (keys sorted), rules behind it. */
    record DecidedAction(String code, String params, List<String> rules) {

        /** {@code CODE} or {@code CODE {"param":value}}, as guard diff prints actions. */
        String line() {
            return params.equals("{}") ? code : code + " " + params;
        }
    }

    /** The assessment's answers and the rules behind any of them. */
    record Judged(String handling, String harassment, String demandJustified, String meansAcceptable,
                  List<String> types, List<String> rules) {
    }

    /** The entry's time alone, read without the rest: entries outside the period cost no more than this. */
    static Instant timeOf(JsonNode entry) {
        JsonNode time = entry.get("time");
        if (time == null || !time.isTextual()) {
            throw new IllegalArgumentException("the entry has no time");
        }
        return Instant.parse(time.asText());
    }

    static LoggedDecision read(JsonNode entry) {
        if (!LoggedIncident.isLogEntry(entry)) {
            throw new IllegalArgumentException("not a decision log entry");
        }
        boolean timedOut = LogEntry.TIMED_OUT.equals(text(entry, "outcome"));
        JsonNode request = entry.get("request");
        JsonNode caller = request.path("caller");
        Incident incident = timedOut ? null : LoggedIncident.read(entry);
        List<DecidedAction> actions = new ArrayList<>();
        for (JsonNode a : entry.path("actions")) {
            actions.add(new DecidedAction(a.path("code").asText(), Canonical.json(a.get("params")), strings(a.path("rules"))));
        }
        JsonNode j = entry.path("assessment");
        Judged judged = new Judged(text(j, "handling"), text(j, "harassment"), text(j, "demandJustified"),
                text(j, "meansAcceptable"), strings(j.path("types")), strings(j.path("rules")));
        return new LoggedDecision(text(entry, "decisionId"), timeOf(entry), text(entry, "rulesetVersion"),
                text(entry, "incidentId"), text(request, "caseId"), text(request, "department"), text(caller, "callerId"),
                text(request, "occurredAt"), timedOut, incident, List.copyOf(actions), judged);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
