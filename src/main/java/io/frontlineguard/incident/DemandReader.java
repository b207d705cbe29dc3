package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one demand object. Which fields a demand may carry depends on its type, so a field that is
 * valid for another type (an {@code employeeId} on a VISIT) is still an unknown field here.
 */
final class DemandReader {

    static final int MAX_EMPLOYEE_ID_LENGTH = 64;
    static final long MAX_DISTANCE_KM = 100_000;
    static final long MAX_AMOUNT_JPY = 10_000_000_000_000L;
    static final long MAX_INTERVAL_DAYS = 3_650;

    private static final String TYPE = "type";
    private static final Map<DemandType, List<String>> FIELDS = fieldsByType();
    private static final List<String> ANY_TYPE_FIELDS = anyTypeFields();

    private DemandReader() {
    }

    /** The demand, or null when the item is not an object or its type is unusable (both are reported). */
    static Demand read(JsonNode item, String path, OffsetDateTime occurredAt, Violations out) {
        if (item == null || !item.isObject()) {
            out.add(path, ViolationCode.INVALID_TYPE,
                    "must be a demand object such as {\"type\": \"VISIT\"}, not " + JsonTypes.describe(item));
            return null;
        }
        Fields fields = Fields.of(item, path, out);
        DemandType type = fields.require(TYPE) ? fields.enumValue(TYPE, DemandType.class, null) : null;
        if (type == null) {
            // Without a type the per-type rules cannot apply; still catch names no demand has, such as typos.
            fields.rejectUnknown(ANY_TYPE_FIELDS, "any demand");
            return null;
        }
        List<String> allowed = FIELDS.get(type);
        fields.rejectUnknown(allowed, name -> unknownFieldMessage(name, type, allowed));
        return switch (type) {
            case VISIT -> visit(fields, occurredAt);
            case APOLOGY_FROM_EMPLOYEE, SPECIFIC_STAFF -> withExtras(type, fields.string("employeeId", MAX_EMPLOYEE_ID_LENGTH), null, null);
            case MONETARY_COMPENSATION -> withExtras(type, null, fields.integer("amountJpy", 0, MAX_AMOUNT_JPY), null);
            case PERIODIC_CALLBACK -> withExtras(type, null, null, intOrNull(fields.integer("intervalDays", 1, MAX_INTERVAL_DAYS)));
            default -> withExtras(type, null, null, null);
        };
    }

    private static Demand visit(Fields fields, OffsetDateTime occurredAt) {
        boolean immediate = fields.bool("immediate", false);
        boolean reasonGiven = fields.bool("reasonGiven", false);
        OffsetDateTime requestedFor = fields.dateTime("requestedFor");
        Place place = fields.enumValue("place", Place.class, null);
        Double distanceKm = fields.number("distanceKm", 0, MAX_DISTANCE_KM);
        return new Demand(DemandType.VISIT, immediate, reasonGiven, requestedFor, place, distanceKm,
                null, null, null, visitHour(immediate, requestedFor, occurredAt));
    }

    /**
     * The night rule is about the incident's own local time, so the visit time is moved to
     * occurredAt's offset before taking the hour. A visit demanded "now", or with no time, happens at occurredAt.
     */
    static int visitHour(boolean immediate, OffsetDateTime requestedFor, OffsetDateTime occurredAt) {
        if (occurredAt == null) {
            return -1; // occurredAt is invalid and already reported; the incident will not be built
        }
        OffsetDateTime when = immediate || requestedFor == null ? occurredAt : requestedFor;
        return when.withOffsetSameInstant(occurredAt.getOffset()).getHour();
    }

    private static Demand withExtras(DemandType type, String employeeId, Long amountJpy, Integer intervalDays) {
        return new Demand(type, false, false, null, null, null, employeeId, amountJpy, intervalDays, -1);
    }

    private static Integer intOrNull(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static String unknownFieldMessage(String name, DemandType type, List<String> allowed) {
        List<String> owners = new ArrayList<>();
        FIELDS.forEach((other, names) -> {
            if (names.contains(name)) {
                owners.add(other.name());
            }
        });
        if (!owners.isEmpty()) {
            return "is not a field of " + type + " demands; it belongs to " + String.join(", ", owners) + " demands";
        }
        return "is not a field of " + type + " demands"
                + Spelling.closest(name, allowed).map(s -> "; did you mean " + s + "?").orElse("");
    }

    private static Map<DemandType, List<String>> fieldsByType() {
        Map<DemandType, List<String>> fields = new EnumMap<>(DemandType.class);
        for (DemandType type : DemandType.values()) {
            fields.put(type, List.of(TYPE));
        }
        fields.put(DemandType.VISIT, List.of(TYPE, "immediate", "reasonGiven", "requestedFor", "place", "distanceKm"));
        fields.put(DemandType.APOLOGY_FROM_EMPLOYEE, List.of(TYPE, "employeeId"));
        fields.put(DemandType.SPECIFIC_STAFF, List.of(TYPE, "employeeId"));
        fields.put(DemandType.MONETARY_COMPENSATION, List.of(TYPE, "amountJpy"));
        fields.put(DemandType.PERIODIC_CALLBACK, List.of(TYPE, "intervalDays"));
        return Collections.unmodifiableMap(fields);
    }

    private static List<String> anyTypeFields() {
        Set<String> names = new LinkedHashSet<>();
        for (DemandType type : DemandType.values()) {
            names.addAll(FIELDS.get(type));
        }
        return List.copyOf(names);
    }
}
