package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Incident} the rules see from a body the schema has passed. Every value is either
 * the client's or the default the contract writes beside the field, so no default lives in Java.
 * The derived values (a case's age, a visit's local hour) come from occurredAt, never the wall clock.
 */
final class IncidentBinder {

    /** Defaults by schema name, then property name, read from the contract once. */
    private final Map<String, Map<String, JsonNode>> defaults = new HashMap<>();

    IncidentBinder(Contract contract) {
        for (String schema : List.of("Incident", "Caller", "CaseHistory", "Handler", "VisitDemand")) {
            Map<String, JsonNode> bySchema = new HashMap<>();
            for (String property : contract.propertyNames(schema)) {
                JsonNode own = contract.schema(schema).path("properties").path(property);
                JsonNode value = own.has("default") ? own.get("default") : contract.resolve(own).path("default");
                if (!value.isMissingNode()) {
                    bySchema.put(property, value);
                }
            }
            defaults.put(schema, Map.copyOf(bySchema));
        }
    }

    Incident incident(JsonNode root) {
        Values top = new Values(root, "Incident");
        OffsetDateTime occurredAt = top.dateTime("occurredAt");
        List<Demand> demands = new ArrayList<>();
        for (JsonNode d : top.array("demands")) {
            demands.add(demand(d, occurredAt));
        }
        Set<Conduct> conduct = new LinkedHashSet<>();
        for (JsonNode c : top.array("conduct")) {
            conduct.add(Conduct.valueOf(c.textValue()));
        }
        int contactMinutes = Math.toIntExact(top.integer("contactMinutes"));
        return new Incident(top.text("incidentId"), occurredAt, top.enumValue("channel", Channel.class),
                top.text("department"), caller(root.path("caller")), List.copyOf(conduct), demands,
                caseHistory(root.path("caseHistory"), occurredAt, demands, contactMinutes), handler(root.path("handler")),
                top.text("caseId"), contactMinutes);
    }

    private Caller caller(JsonNode node) {
        Values v = new Values(node, "Caller");
        return new Caller(v.text("callerId"), v.enumValue("kind", CallerKind.class), v.bool("keyAccount"),
                v.number("relationshipYears"), v.bool("reachable"), v.bool("identified"),
                v.enumValue("policeInvolvement", PoliceInvolvement.class), v.bool("blocked"),
                v.text("flaggedByDepartment"), v.bool("warnedBefore"));
    }

    /** This contact is one of the case's, so the longest contact so far is at least as long as it. */
    private CaseHistory caseHistory(JsonNode node, OffsetDateTime occurredAt, List<Demand> demands, int contactMinutes) {
        Values v = new Values(node, "CaseHistory");
        OffsetDateTime openedAt = v.has("openedAt") ? v.dateTime("openedAt") : occurredAt;
        long ageDays = Duration.between(openedAt.toInstant(), occurredAt.toInstant()).toDays();
        return new CaseHistory(openedAt, ageDays, Math.toIntExact(v.integer("contactCount")),
                Math.max(contactMinutes, Math.toIntExact(v.integer("longestContactMinutes"))), v.enumValue("companyFault", CompanyFault.class),
                v.bool("investigationComplete"), v.enumValue("managementAnswer", ManagementAnswer.class),
                v.enumValue("severity", Severity.class), 0,
                demands.stream().anyMatch(d -> d.type() == DemandType.PERIODIC_CALLBACK),
                v.has("damageJpy") ? v.integer("damageJpy") : null);
    }

    private Handler handler(JsonNode node) {
        Values v = new Values(node, "Handler");
        return new Handler(v.text("employeeId"), v.enumValue("role", Role.class), v.bool("targetOfAnger"));
    }

    private Demand demand(JsonNode node, OffsetDateTime occurredAt) {
        DemandType type = DemandType.valueOf(node.path("type").textValue());
        if (type != DemandType.VISIT) {
            Values v = new Values(node, null);
            Long interval = v.has("intervalDays") ? v.integer("intervalDays") : null;
            return new Demand(type, false, false, null, null, null, v.text("employeeId"),
                    v.has("amountJpy") ? v.integer("amountJpy") : null, interval == null ? null : Math.toIntExact(interval), -1);
        }
        Values v = new Values(node, "VisitDemand");
        boolean immediate = v.bool("immediate");
        OffsetDateTime requestedFor = v.has("requestedFor") ? v.dateTime("requestedFor") : null;
        Place place = v.has("place") ? Place.valueOf(v.text("place")) : null;
        Double distanceKm = v.has("distanceKm") ? v.number("distanceKm") : null;
        return new Demand(type, immediate, v.bool("reasonGiven"), requestedFor, place, distanceKm, null, null, null,
                visitHour(immediate, requestedFor, occurredAt));
    }

    /**
     * The night rule is about the incident's own local time, so the visit time is moved to
     * occurredAt's offset before taking the hour. A visit demanded "now", or with no time, happens at occurredAt.
     */
    static int visitHour(boolean immediate, OffsetDateTime requestedFor, OffsetDateTime occurredAt) {
        OffsetDateTime when = immediate || requestedFor == null ? occurredAt : requestedFor;
        return when.withOffsetSameInstant(occurredAt.getOffset()).getHour();
    }

    /** One object's values, falling back to the contract's defaults for its schema. */
    private final class Values {
        private final JsonNode node;
        private final Map<String, JsonNode> fallback;

        Values(JsonNode node, String schema) {
            this.node = node == null ? MissingNode.getInstance() : node;
            this.fallback = schema == null ? Map.of() : defaults.get(schema);
        }

        boolean has(String name) {
            return node.has(name);
        }

        private JsonNode value(String name) {
            JsonNode own = node.get(name);
            return own != null ? own : fallback.getOrDefault(name, MissingNode.getInstance());
        }

        String text(String name) {
            JsonNode v = value(name);
            return v.isMissingNode() ? null : v.textValue();
        }

        boolean bool(String name) {
            return required(name).booleanValue();
        }

        double number(String name) {
            return required(name).decimalValue().doubleValue();
        }

        long integer(String name) {
            return required(name).decimalValue().longValueExact();
        }

        OffsetDateTime dateTime(String name) {
            return DateTimes.parse(required(name).textValue()).orElseThrow();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            return Enum.valueOf(type, required(name).textValue());
        }

        List<JsonNode> array(String name) {
            List<JsonNode> items = new ArrayList<>();
            value(name).forEach(items::add);
            return items;
        }

        /** A value the schema guarantees: the client's, or a default the contract must then define. */
        private JsonNode required(String name) {
            JsonNode v = value(name);
            if (v.isMissingNode()) {
                throw new IllegalStateException("the contract gives " + name + " no default");
            }
            return v;
        }
    }
}
