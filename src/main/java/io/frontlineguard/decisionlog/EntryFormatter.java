package io.frontlineguard.decisionlog;

import io.frontlineguard.action.ParamType;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Answer;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.Remembered;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a decision into its log line, masking personal identifiers. The request is the validated
 * incident with its defaults, i.e. exactly what the rules saw; the line is the JSON of
 * {@link LogEntry} (and {@link LoggedRequest} within it), field for field and byte for byte
 * ({@code EntryFormatterTest} compares it with Jackson's output of those records).
 *
 * <p>Written directly rather than through Jackson (issue 32): the field names, with their quotes,
 * colons and commas, are constants; enum values are written as their names, which need no
 * escaping; rule names and rule-set versions recur in every entry, so each is escaped once and then
 * copied ({@link JsonText}). Jackson's work per entry was most of the decision log's CPU.
 *
 * <p>Masked: {@code caller.callerId}, {@code handler.employeeId}, {@code demands[].employeeId}, and
 * every free-text action param (types STRING and STRING_LIST: today the employee ids of
 * PROTECT_TARGET_EMPLOYEE and REASSIGN_HANDLER's exclusions). Masking by param type rather than by
 * name means a new free-text param is hidden until someone decides otherwise.
 */
public final class EntryFormatter {

    /** The contract's form, seconds always written, as the request gave them ({@link LoggedRequest}). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final PersonalIdMasker masker;
    /** Rule names, versions and other recurring texts, escaped and quoted once. */
    private final JsonText.Cache recurring = new JsonText.Cache(4096);

    public EntryFormatter(PersonalIdMasker masker) {
        this.masker = masker;
    }

    public String format(Decision d, long epochMillis) {
        return format(d, epochMillis, false);
    }

    /** A decision that missed its deadline is logged with {@code "outcome": "TIMED_OUT"} and no actions. */
    public String format(Decision d, long epochMillis, boolean timedOut) {
        JsonText out = new JsonText(2048);
        format(out, d, epochMillis, timedOut);
        return out.toString();
    }

    private void format(JsonText out, Decision d, long epochMillis, boolean timedOut) {
        out.raw("{\"decisionId\":").string(d.decisionId());
        out.raw(",\"time\":").string(Instant.ofEpochMilli(epochMillis).toString());
        out.raw(",\"rulesetVersion\":").raw(recurring.quoted(d.rulesetVersion()));
        if (d.incident().incidentId() != null) {
            out.raw(",\"incidentId\":").string(d.incident().incidentId());
        }
        if (timedOut) {
            out.raw(",\"outcome\":\"").raw(LogEntry.TIMED_OUT).raw("\"");
        }
        out.raw(",\"memory\":\"").raw(d.memory().name()).raw("\"");
        if (d.whatIf()) {
            // Only for what-ifs: every entry logged before the mark existed reads as it did.
            out.raw(",\"whatIf\":true");
        }
        out.raw(",\"request\":");
        request(out, d.incident());
        out.raw(",\"remembered\":[");
        List<Remembered> remembered = d.remembered();
        for (int i = 0; i < remembered.size(); i++) {
            if (i > 0) {
                out.raw(",");
            }
            remembered(out, remembered.get(i));
        }
        out.raw("],\"actions\":[");
        List<Action> actions = d.resolution().actions();
        for (int i = 0; i < actions.size(); i++) {
            if (i > 0) {
                out.raw(",");
            }
            action(out, actions.get(i));
        }
        out.raw("],\"assessment\":");
        assessment(out, d.resolution().assessment());
        out.raw(",\"firedRules\":");
        names(out, d.evaluation().firedRules());
        out.raw(",\"evaluationNanos\":").number(d.evaluation().nanos());
        out.raw("}");
    }

    private void request(JsonText out, Incident i) {
        Caller c = i.caller();
        CaseHistory h = i.caseHistory();
        Handler w = i.handler();
        out.raw("{\"incidentId\":").string(i.incidentId());
        out.raw(",\"caseId\":").string(i.caseId());
        out.raw(",\"occurredAt\":").string(TIME.format(i.occurredAt()));
        out.raw(",\"channel\":\"").raw(i.channel().name());
        out.raw("\",\"department\":").string(i.department());
        out.raw(",\"caller\":{\"callerId\":").string(mask(c.callerId()));
        out.raw(",\"kind\":\"").raw(c.kind().name());
        out.raw("\",\"keyAccount\":").bool(c.keyAccount());
        out.raw(",\"relationshipYears\":").number(c.relationshipYears());
        out.raw(",\"reachable\":").bool(c.reachable());
        out.raw(",\"identified\":").bool(c.identified());
        out.raw(",\"policeInvolvement\":\"").raw(c.policeInvolvement().name());
        out.raw("\",\"blocked\":").bool(c.blocked());
        out.raw(",\"flaggedByDepartment\":").string(c.flaggedByDepartment());
        out.raw(",\"warnedBefore\":").bool(c.warnedBefore());
        if (c.blockLifted()) {
            out.raw(",\"blockLifted\":true");
        }
        out.raw("},\"conduct\":[");
        List<Conduct> conduct = i.conduct();
        for (int k = 0; k < conduct.size(); k++) {
            out.raw(k > 0 ? ",\"" : "\"").raw(conduct.get(k).name()).raw("\"");
        }
        out.raw("],\"demands\":[");
        List<Demand> demands = i.demands();
        for (int k = 0; k < demands.size(); k++) {
            if (k > 0) {
                out.raw(",");
            }
            demand(out, demands.get(k));
        }
        out.raw("],\"caseHistory\":{\"openedAt\":").string(TIME.format(h.openedAt()));
        out.raw(",\"ageDays\":").number(h.ageDays());
        out.raw(",\"contactCount\":").number(h.contactCount());
        out.raw(",\"longestContactMinutes\":").number(h.longestContactMinutes());
        out.raw(",\"companyFault\":\"").raw(h.companyFault().name());
        out.raw("\",\"investigationComplete\":").bool(h.investigationComplete());
        out.raw(",\"managementAnswer\":\"").raw(h.managementAnswer().name());
        out.raw("\",\"severity\":\"").raw(h.severity().name()).raw("\"");
        if (h.damageJpy() != null) {
            out.raw(",\"damageJpy\":").number(h.damageJpy());
        }
        out.raw(",\"otherDepartments\":").number(h.otherDepartments());
        out.raw(",\"callbacksDemanded\":").bool(h.callbacksDemanded());
        out.raw("},\"handler\":{\"employeeId\":").string(mask(w.employeeId()));
        out.raw(",\"role\":\"").raw(w.role().name());
        out.raw("\",\"targetOfAnger\":").bool(w.targetOfAnger());
        out.raw(",\"namedBefore\":").bool(w.namedBefore());
        out.raw("},\"contactMinutes\":").number(i.contactMinutes()).raw("}");
    }

    /** Only the fields of the demand's type, as {@link LoggedRequest.LoggedDemand} leaves out its nulls. */
    private void demand(JsonText out, Demand d) {
        boolean visit = d.type() == DemandType.VISIT;
        out.raw("{\"type\":\"").raw(d.type().name()).raw("\"");
        if (visit) {
            out.raw(",\"immediate\":").bool(d.immediate());
            out.raw(",\"reasonGiven\":").bool(d.reasonGiven());
        }
        if (d.requestedFor() != null) {
            out.raw(",\"requestedFor\":").string(TIME.format(d.requestedFor()));
        }
        if (d.place() != null) {
            out.raw(",\"place\":\"").raw(d.place().name()).raw("\"");
        }
        if (d.distanceKm() != null) {
            out.raw(",\"distanceKm\":").number(d.distanceKm().doubleValue());
        }
        if (d.employeeId() != null) {
            out.raw(",\"employeeId\":").string(mask(d.employeeId()));
        }
        if (d.amountJpy() != null) {
            out.raw(",\"amountJpy\":").number(d.amountJpy().longValue());
        }
        if (d.intervalDays() != null) {
            out.raw(",\"intervalDays\":").number(d.intervalDays().longValue());
        }
        if (visit) {
            out.raw(",\"visitHour\":").number(d.visitHour());
        }
        if (d.employeeId() != null) {
            out.raw(",\"namedBefore\":").bool(d.namedBefore());
        }
        out.raw("}");
    }

    private void remembered(JsonText out, Remembered r) {
        out.raw("{\"fact\":").string(r.fact());
        out.raw(",\"value\":").value(r.value());
        out.raw(",\"department\":").string(r.department());
        out.raw(",\"decisionId\":").string(r.decisionId());
        out.raw(",\"at\":").string(r.at() == null ? null : TIME.format(r.at()));
        out.raw("}");
    }

    private void action(JsonText out, Action a) {
        out.raw("{\"code\":\"").raw(a.code().name()).raw("\",\"params\":{");
        Map<String, ParamType> types = a.code().params();
        boolean first = true;
        for (Map.Entry<String, Object> p : a.params().entrySet()) {
            out.raw(first ? "" : ",").raw(recurring.quoted(p.getKey())).raw(":").value(mask(types.get(p.getKey()), p.getValue()));
            first = false;
        }
        out.raw("},\"rules\":");
        names(out, a.ruleNames());
        out.raw("}");
    }

    /** Each answer, the types found, and every rule behind them, sorted ({@link LogEntry.LoggedAssessment}). */
    private void assessment(JsonText out, Assessment a) {
        TreeSet<String> rules = new TreeSet<>();
        rules.addAll(a.handling().ruleNames());
        rules.addAll(a.harassment().ruleNames());
        rules.addAll(a.demandJustified().ruleNames());
        rules.addAll(a.meansAcceptable().ruleNames());
        a.types().forEach(t -> rules.addAll(t.ruleNames()));
        out.raw("{\"handling\":").string(value(a.handling()));
        out.raw(",\"harassment\":").string(value(a.harassment()));
        out.raw(",\"demandJustified\":").string(value(a.demandJustified()));
        out.raw(",\"meansAcceptable\":").string(value(a.meansAcceptable()));
        out.raw(",\"types\":");
        names(out, a.typeNames());
        out.raw(",\"rules\":");
        names(out, rules);
        out.raw("}");
    }

    private static String value(Answer answer) {
        return answer.value();
    }

    /** A list of recurring texts (rule names, type names): each escaped once, then copied. */
    private void names(JsonText out, Iterable<String> names) {
        out.raw("[");
        boolean first = true;
        for (String name : names) {
            out.raw(first ? "" : ",").raw(name == null ? "null" : recurring.quoted(name));
            first = false;
        }
        out.raw("]");
    }

    private String mask(String id) {
        return id == null ? null : masker.mask(id);
    }

    private Object mask(ParamType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == null || type == ParamType.STRING) {
            return masker.mask(value.toString());
        }
        if (type == ParamType.STRING_LIST && value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? null : masker.mask(v.toString())).toList();
        }
        return value;
    }
}
