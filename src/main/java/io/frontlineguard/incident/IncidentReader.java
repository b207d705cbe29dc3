package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a request body into an {@link Incident}, or refuses it with every violation at once.
 * Nothing reaches the rules with a guessed value: unknown fields, unknown enum values and wrong
 * types are errors, and only the contract's defaults fill what the client left out.
 * Stateless and thread-safe; it never reads the wall clock, so the same body always reads the same.
 */
public final class IncidentReader {

    public static final int MAX_INCIDENT_ID_LENGTH = 128;
    public static final int MAX_DEPARTMENT_LENGTH = 64;
    public static final int MAX_CALLER_ID_LENGTH = 128;
    public static final int MAX_FLAGGED_BY_DEPARTMENT_LENGTH = 64;
    public static final int MAX_EMPLOYEE_ID_LENGTH = DemandReader.MAX_EMPLOYEE_ID_LENGTH;
    public static final int MAX_DEMANDS = 50;
    public static final int MAX_CONDUCT = 20;

    // Plausibility bounds: the contract sets no maximum, but values beyond these are data errors.
    static final long MAX_RELATIONSHIP_YEARS = 1_000;
    static final long MAX_CONTACT_COUNT = 1_000_000;
    static final long MAX_CONTACT_MINUTES = 1_000_000;

    static final List<String> INCIDENT_FIELDS = List.of(
            "incidentId", "occurredAt", "channel", "department", "caller", "conduct", "demands", "caseHistory", "handler");
    static final List<String> CALLER_FIELDS = List.of(
            "callerId", "kind", "keyAccount", "relationshipYears", "reachable", "identified", "policeInvolvement",
            "blocked", "flaggedByDepartment", "warnedBefore");
    static final List<String> CASE_HISTORY_FIELDS = List.of(
            "openedAt", "contactCount", "longestContactMinutes", "companyFault", "investigationComplete",
            "managementAnswer", "severity");
    static final List<String> HANDLER_FIELDS = List.of("employeeId", "role", "targetOfAnger");

    /** Parses a raw body into a tree, refusing anything but one well-formed JSON object. */
    public static JsonNode parse(byte[] body) {
        return JsonBody.parse(body);
    }

    /** Parses and reads a raw body; prefer this over {@link #read(JsonNode)} so duplicate keys are caught too. */
    public Incident read(byte[] body) {
        return read(JsonBody.parse(body));
    }

    /** Reads an already parsed body; throws {@link InvalidIncidentException} listing every violation. */
    public Incident read(JsonNode root) {
        Fields top = Fields.of(JsonBody.requireObject(root), "", new Violations());
        top.rejectUnknown(INCIDENT_FIELDS, "the incident");

        String incidentId = top.string("incidentId", MAX_INCIDENT_ID_LENGTH);
        OffsetDateTime occurredAt = top.require("occurredAt") ? top.dateTime("occurredAt") : null;
        Channel channel = top.require("channel") ? top.enumValue("channel", Channel.class, null) : null;
        String department = department(top);
        Caller caller = caller(top.object("caller"));
        List<Conduct> conduct = conduct(top);
        List<Demand> demands = demands(top, occurredAt);
        CaseHistory caseHistory = caseHistory(top.object("caseHistory"), occurredAt);
        Handler handler = handler(top.object("handler"));

        top.violations().throwIfAny();
        return new Incident(incidentId, occurredAt, channel, department, caller, conduct, demands, caseHistory, handler);
    }

    /** A blank department identifies nobody, so it counts as missing rather than as a value. */
    private static String department(Fields top) {
        if (!top.require("department")) {
            return null;
        }
        String department = top.string("department", MAX_DEPARTMENT_LENGTH);
        if (department != null && department.isBlank()) {
            top.violations().add(top.pathOf("department"), ViolationCode.MISSING_FIELD, "must not be blank");
            return null;
        }
        return department;
    }

    private static Caller caller(Fields f) {
        f.rejectUnknown(CALLER_FIELDS, "the caller object");
        return new Caller(
                f.string("callerId", MAX_CALLER_ID_LENGTH),
                f.enumValue("kind", CallerKind.class, CallerKind.CONSUMER),
                f.bool("keyAccount", false),
                Objects.requireNonNullElse(f.number("relationshipYears", 0, MAX_RELATIONSHIP_YEARS), 0.0),
                f.bool("reachable", true),
                f.bool("identified", true),
                f.enumValue("policeInvolvement", PoliceInvolvement.class, PoliceInvolvement.NONE),
                f.bool("blocked", false),
                f.string("flaggedByDepartment", MAX_FLAGGED_BY_DEPARTMENT_LENGTH),
                f.bool("warnedBefore", false));
    }

    /** Repeating a behaviour adds nothing for the rules, so duplicates collapse, keeping first-seen order. */
    private static List<Conduct> conduct(Fields top) {
        Set<Conduct> seen = new LinkedHashSet<>();
        List<JsonNode> items = top.array("conduct", MAX_CONDUCT);
        for (int i = 0; i < items.size(); i++) {
            Conduct c = top.enumAt(items.get(i), Violations.item(top.pathOf("conduct"), i), Conduct.class);
            if (c != null) {
                seen.add(c);
            }
        }
        return List.copyOf(seen);
    }

    private static List<Demand> demands(Fields top, OffsetDateTime occurredAt) {
        List<Demand> demands = new ArrayList<>();
        List<JsonNode> items = top.array("demands", MAX_DEMANDS);
        for (int i = 0; i < items.size(); i++) {
            Demand d = DemandReader.read(items.get(i), Violations.item(top.pathOf("demands"), i), occurredAt, top.violations());
            if (d != null) {
                demands.add(d);
            }
        }
        return demands;
    }

    private static CaseHistory caseHistory(Fields f, OffsetDateTime occurredAt) {
        f.rejectUnknown(CASE_HISTORY_FIELDS, "the caseHistory object");
        OffsetDateTime openedAt = f.present("openedAt") ? f.dateTime("openedAt") : occurredAt;
        long ageDays = 0;
        if (openedAt != null && occurredAt != null) {
            if (openedAt.isAfter(occurredAt)) {
                f.violations().add(f.pathOf("openedAt"), ViolationCode.OUT_OF_RANGE,
                        "must not be after occurredAt: a case cannot open after this contact");
            } else {
                ageDays = Duration.between(openedAt.toInstant(), occurredAt.toInstant()).toDays();
            }
        }
        return new CaseHistory(
                openedAt,
                ageDays,
                Math.toIntExact(Objects.requireNonNullElse(f.integer("contactCount", 1, MAX_CONTACT_COUNT), 1L)),
                Math.toIntExact(Objects.requireNonNullElse(f.integer("longestContactMinutes", 0, MAX_CONTACT_MINUTES), 0L)),
                f.enumValue("companyFault", CompanyFault.class, CompanyFault.UNKNOWN),
                f.bool("investigationComplete", false),
                f.enumValue("managementAnswer", ManagementAnswer.class, ManagementAnswer.NONE),
                f.enumValue("severity", Severity.class, Severity.MEDIUM));
    }

    private static Handler handler(Fields f) {
        f.rejectUnknown(HANDLER_FIELDS, "the handler object");
        return new Handler(
                f.string("employeeId", MAX_EMPLOYEE_ID_LENGTH),
                f.enumValue("role", Role.class, Role.OPERATOR),
                f.bool("targetOfAnger", false));
    }
}
