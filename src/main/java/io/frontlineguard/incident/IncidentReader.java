package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into an {@link Incident}, or refuses it with every violation at once. The
 * body is checked against the published contract's Incident schema; only what JSON Schema cannot
 * say (null as absent unless the name is unknown, control characters, a case that opens after its contact, a person's id that
 * could never be looked up again) is checked here.
 * Stateless and thread-safe; it never reads the wall clock, so the same body always reads the same.
 */
public final class IncidentReader {

    private static final Contract CONTRACT = Contract.get();
    private static final Schema INCIDENT = CONTRACT.validator("Incident");
    private static final SchemaViolations VIOLATIONS = new SchemaViolations(CONTRACT);
    private static final IncidentBinder BINDER = new IncidentBinder(CONTRACT);

    /** Parses a raw body into a tree, refusing anything but one well-formed JSON object. */
    public static JsonNode parse(byte[] body) {
        return JsonBody.parse(body);
    }

    /** Parses and reads a raw body; prefer this over {@link #read(JsonNode)} so duplicate keys are caught too. */
    public Incident read(byte[] body) {
        return readOwn(JsonBody.parse(body));
    }

    /** Reads an already parsed body, which stays as it was; throws {@link InvalidIncidentException} listing every violation. */
    public Incident read(JsonNode root) {
        return readOwn(JsonBody.requireObject(root).deepCopy());
    }

    private static Incident readOwn(ObjectNode root) {
        Map<String, Violation> found = new LinkedHashMap<>();
        List<Hygiene.NullMember> nulls = new ArrayList<>();
        Hygiene.clean(root, "", found, nulls);
        VIOLATIONS.translate(INCIDENT.validate(root), root, found);
        VIOLATIONS.unknownNullMembers(INCIDENT, root, "the incident", nulls, found);
        caseOpensBeforeItsContact(root, found);
        unusableIds(root, found);
        if (!found.isEmpty()) {
            throw new InvalidIncidentException(new ArrayList<>(found.values()));
        }
        return BINDER.incident(root);
    }

    /** An id memory could hold but no URL could name (blank, "." or "..") would be a record nobody can read or erase. */
    private static void unusableIds(ObjectNode root, Map<String, Violation> found) {
        unusableId(root.path("caller").path("callerId"), "caller.callerId", found);
        unusableId(root.path("handler").path("employeeId"), "handler.employeeId", found);
        JsonNode demands = root.path("demands");
        for (int i = 0; demands.isArray() && i < demands.size(); i++) {
            unusableId(demands.get(i).path("employeeId"), Violations.field(Violations.item("demands", i), "employeeId"), found);
        }
    }

    private static void unusableId(JsonNode id, String path, Map<String, Violation> found) {
        if (id.isTextual() && !found.containsKey(path)) {
            PersonIds.unusable(id.textValue())
                    .ifPresent(reason -> found.put(path, new Violation(path, ViolationCode.INVALID_ID, reason)));
        }
    }

    private static void caseOpensBeforeItsContact(ObjectNode root, Map<String, Violation> found) {
        String path = "caseHistory.openedAt";
        JsonNode openedAt = root.path("caseHistory").path("openedAt");
        if (!openedAt.isTextual() || found.containsKey(path) || found.containsKey("occurredAt")) {
            return;
        }
        OffsetDateTime opened = DateTimes.parse(openedAt.textValue()).orElse(null);
        OffsetDateTime occurred = DateTimes.parse(root.path("occurredAt").asText()).orElse(null);
        if (opened != null && occurred != null && opened.isAfter(occurred)) {
            found.put(path, new Violation(path, ViolationCode.OUT_OF_RANGE,
                    "must not be after occurredAt: a case cannot open after this contact"));
        }
    }
}
