package io.frontlineguard.decision;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CallerKind;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Role;
import io.frontlineguard.incident.Severity;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an incident back into the decision API's request body (camelCase, as the contract spells it)
 * and wraps it as one item of the project's YAML regression scenarios, so a property's counterexample
 * can be pasted straight into the scenarios. Derived fields ({@code ageDays}, {@code visitHour}) are
 * left out because the reader derives them again, and so is every value equal to its contract
 * default, to keep the scenario as short as the shrunk incident.
 */
final class ScenarioPrinter {

    /** Strings YAML may print unquoted: no indicators, no numbers, no YAML 1.1 booleans or null. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private ScenarioPrinter() {
    }

    /** One scenario list item; {@code expect}/{@code absent} are left out when empty. */
    static String scenario(String invariant, Collection<String> lessons, Incident incident,
                           Collection<ActionCode> present, Collection<ActionCode> absent) {
        StringBuilder out = new StringBuilder();
        out.append("- name: ").append(quoted("property counterexample: " + invariant)).append('\n');
        out.append("  lessons: ").append(flow(List.copyOf(lessons))).append('\n');
        out.append("  incident:\n");
        requestBody(incident).forEach((k, v) -> out.append("    ").append(k).append(": ").append(flow(v)).append('\n'));
        if (!present.isEmpty()) {
            out.append("  expect: ").append(flow(names(present))).append('\n');
        }
        if (!absent.isEmpty()) {
            out.append("  absent: ").append(flow(names(absent))).append('\n');
        }
        return out.toString();
    }

    /** The request body that reads back into this incident, in the contract's field order. */
    static Map<String, Object> requestBody(Incident i) {
        Map<String, Object> body = new LinkedHashMap<>();
        putUnless(body, "incidentId", i.incidentId(), null);
        body.put("occurredAt", time(i.occurredAt()));
        body.put("channel", i.channel().name());
        body.put("department", i.department());
        putUnless(body, "caller", caller(i.caller()), Map.of());
        putUnless(body, "conduct", i.conduct().stream().map(Enum::name).toList(), List.of());
        putUnless(body, "demands", i.demands().stream().map(ScenarioPrinter::demand).toList(), List.of());
        putUnless(body, "caseHistory", caseHistory(i.caseHistory(), i.occurredAt()), Map.of());
        putUnless(body, "handler", handler(i.handler()), Map.of());
        return body;
    }

    private static Map<String, Object> caller(Caller c) {
        Map<String, Object> m = new LinkedHashMap<>();
        putUnless(m, "callerId", c.callerId(), null);
        putUnless(m, "kind", c.kind().name(), CallerKind.CONSUMER.name());
        putUnless(m, "keyAccount", c.keyAccount(), false);
        putUnless(m, "relationshipYears", c.relationshipYears(), 0.0);
        putUnless(m, "reachable", c.reachable(), true);
        putUnless(m, "identified", c.identified(), true);
        putUnless(m, "policeInvolvement", c.policeInvolvement().name(), PoliceInvolvement.NONE.name());
        putUnless(m, "blocked", c.blocked(), false);
        putUnless(m, "flaggedByDepartment", c.flaggedByDepartment(), null);
        putUnless(m, "warnedBefore", c.warnedBefore(), false);
        return m;
    }

    private static Map<String, Object> demand(Demand d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type().name());
        putUnless(m, "immediate", d.immediate(), false);
        putUnless(m, "reasonGiven", d.reasonGiven(), false);
        putUnless(m, "requestedFor", d.requestedFor() == null ? null : time(d.requestedFor()), null);
        putUnless(m, "place", d.place() == null ? null : d.place().name(), null);
        putUnless(m, "distanceKm", d.distanceKm(), null);
        putUnless(m, "employeeId", d.employeeId(), null);
        putUnless(m, "amountJpy", d.amountJpy(), null);
        putUnless(m, "intervalDays", d.intervalDays(), null);
        return m;
    }

    private static Map<String, Object> caseHistory(CaseHistory h, OffsetDateTime occurredAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        putUnless(m, "openedAt", time(h.openedAt()), time(occurredAt));
        putUnless(m, "contactCount", h.contactCount(), 1);
        putUnless(m, "longestContactMinutes", h.longestContactMinutes(), 0);
        putUnless(m, "companyFault", h.companyFault().name(), CompanyFault.UNKNOWN.name());
        putUnless(m, "investigationComplete", h.investigationComplete(), false);
        putUnless(m, "managementAnswer", h.managementAnswer().name(), ManagementAnswer.NONE.name());
        putUnless(m, "severity", h.severity().name(), Severity.MEDIUM.name());
        putUnless(m, "damageJpy", h.damageJpy(), null);
        return m;
    }

    private static Map<String, Object> handler(Handler h) {
        Map<String, Object> m = new LinkedHashMap<>();
        putUnless(m, "employeeId", h.employeeId(), null);
        putUnless(m, "role", h.role().name(), Role.OPERATOR.name());
        putUnless(m, "targetOfAnger", h.targetOfAnger(), false);
        return m;
    }

    private static void putUnless(Map<String, Object> m, String key, Object value, Object contractDefault) {
        if (value != null && !Objects.equals(value, contractDefault)) {
            m.put(key, value);
        }
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static List<String> names(Collection<ActionCode> codes) {
        return codes.stream().map(Enum::name).distinct().toList();
    }

    /** YAML flow style: short enough for one line per incident field, as the hand-written scenarios are. */
    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ScenarioPrinter::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s) {
            return PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase()) ? s : quoted(s);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(v);
    }

    /** A JSON string literal is also a valid YAML double-quoted scalar, escapes included. */
    private static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
