package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the schema validator's findings into the API's violations: one per field path, with a code
 * from the closed set, the allowed values or names taken from the schema, and a sentence for the
 * client developer with a did-you-mean where a spelling is close. The validator's own wording is
 * never shown; it names keywords, not fields.
 */
final class SchemaViolations {

    private final Contract contract;
    /** Demand type → pointer to its variant schema (VisitDemand, …), from Demand's discriminator mapping. */
    private final Map<String, String> variantOfType = new LinkedHashMap<>();
    /** Pointers to the per-type demand schemas. */
    private final Set<String> variants = new LinkedHashSet<>();
    private final Map<String, Schema> variantValidators = new ConcurrentHashMap<>();
    private final List<String> anyDemandFields;
    private final List<String> demandTypes;

    SchemaViolations(Contract contract) {
        this.contract = contract;
        contract.schema("Demand").path("discriminator").path("mapping").fields()
                .forEachRemaining(m -> variantOfType.put(m.getKey(), m.getValue().asText().substring(1)));
        variants.addAll(variantOfType.values());
        Set<String> any = new LinkedHashSet<>();
        variants.forEach(pointer -> any.addAll(contract.propertyNames(contract.at(pointer))));
        this.anyDemandFields = List.copyOf(any);
        this.demandTypes = contract.enumValues("DemandType");
    }

    /** Adds a violation for each finding, skipping paths that already have one: the first is the most telling. */
    void translate(List<Error> errors, JsonNode root, Map<String, Violation> byPath) {
        translate(errors, root, "the incident", byPath);
    }

    /** As above, naming the body as a whole {@code rootName} in messages ("the batch"). */
    void translate(List<Error> errors, JsonNode root, String rootName, Map<String, Violation> byPath) {
        List<Error> ordered = new ArrayList<>(errors);
        // A wrong JSON type explains every other finding on the same value (a number is not in an enum either).
        ordered.sort((a, b) -> Boolean.compare(!"type".equals(a.getKeyword()), !"type".equals(b.getKeyword())));
        Set<Integer> demandsRead = new HashSet<>();
        for (Error e : ordered) {
            Integer demand = demandIndex(e.getInstanceLocation(), root);
            if (demand != null) {
                // Demand is a oneOf of its variants: the validator's findings there are about every
                // variant at once. The demand's own type picks the one variant its fields answer to.
                if (demandsRead.add(demand)) {
                    demand(demand, root, rootName, byPath);
                }
                continue;
            }
            add(violation(e, "", root, rootName), byPath);
        }
        unknownFieldsOfUntypedDemands(root, byPath);
    }

    /**
     * The null members {@link Hygiene} took out as absent, checked for their names: a misspelt field
     * whose value is null is as unknown as any other and must not pass silently (issue 29, a tester's
     * case). They are put back for one more validation, whose unknown-field findings at their paths are
     * kept, and taken out again; a null under a known name stays absent. Bodies without nulls pay nothing.
     */
    void unknownNullMembers(Schema schema, JsonNode root, String rootName, List<Hygiene.NullMember> nulls,
                            Map<String, Violation> byPath) {
        if (nulls.isEmpty()) {
            return;
        }
        Set<String> paths = new HashSet<>();
        nulls.forEach(n -> {
            n.owner().putNull(n.name());
            paths.add(n.path());
        });
        try {
            Map<String, Violation> again = new LinkedHashMap<>();
            translate(schema.validate(root), root, rootName, again);
            again.values().stream().filter(v -> v.code() == ViolationCode.UNKNOWN_FIELD && paths.contains(v.path()))
                    .forEach(v -> byPath.putIfAbsent(v.path(), v));
        } finally {
            nulls.forEach(n -> n.owner().remove(n.name()));
        }
    }

    private static void add(Violation v, Map<String, Violation> byPath) {
        if (v != null) {
            byPath.putIfAbsent(v.path(), v);
        }
    }

    /** The index of the incident's demand a finding is about, or null when it is about no single demand. */
    private static Integer demandIndex(NodePath location, JsonNode root) {
        boolean inDemands = location.getNameCount() >= 2 && "demands".equals(location.getElement(0))
                && location.getElement(1) instanceof Integer && root.path("demands").isArray();
        return inDemands ? (Integer) location.getElement(1) : null;
    }

    /** A demand checked as the variant its type names; a demand without a known type gets only that said. */
    private void demand(int index, JsonNode root, String rootName, Map<String, Violation> byPath) {
        String at = Violations.item("demands", index);
        JsonNode demand = root.path("demands").path(index);
        if (!demand.isObject()) {
            add(wrongType(at, contract.schema("Demand"), demand), byPath);
            return;
        }
        JsonNode type = demand.path("type");
        String typeAt = Violations.field(at, "type");
        if (type.isMissingNode()) {
            add(new Violation(typeAt, ViolationCode.MISSING_FIELD, "is required"), byPath);
        } else if (!type.isTextual()) {
            add(wrongType(typeAt, contract.schema("DemandType"), type), byPath);
        } else if (!variantOfType.containsKey(type.textValue())) {
            add(unknownValue(typeAt, demandTypes, type.textValue()), byPath);
        } else {
            String variant = variantOfType.get(type.textValue());
            Schema schema = variantValidators.computeIfAbsent(variant,
                    pointer -> contract.validator(pointer.substring(pointer.lastIndexOf('/') + 1)));
            List<Error> found = new ArrayList<>(schema.validate(demand));
            found.sort((a, b) -> Boolean.compare(!"type".equals(a.getKeyword()), !"type".equals(b.getKeyword())));
            found.forEach(e -> add(violation(e, at, root, rootName), byPath));
        }
    }

    /** One finding as a violation; {@code prefix} is the path of the node the validator was given. */
    private Violation violation(Error e, String prefix, JsonNode root, String rootName) {
        String own = path(e.getInstanceLocation());
        String at = prefix.isEmpty() ? own : own.isEmpty() ? prefix : Violations.field(prefix, own);
        JsonNode value = e.getInstanceNode();
        JsonNode owner = contract.at(parentPointer(e));
        return switch (e.getKeyword()) {
            case "required" -> new Violation(Violations.field(at, e.getProperty()), ViolationCode.MISSING_FIELD, "is required");
            case "additionalProperties" -> unknownField(Violations.field(at, e.getProperty()), e, root, at, rootName);
            case "type" -> wrongType(at, owner, value);
            case "enum", "const" -> value != null && value.isTextual()
                    ? unknownValue(at, Contract.values(enumOf(owner)), value.textValue())
                    : wrongType(at, owner, value);
            case "maxLength" -> new Violation(at, ViolationCode.TOO_LONG, "must be at most " + owner.path("maxLength").asInt()
                    + " characters, got " + value.textValue().codePointCount(0, value.textValue().length()));
            case "minimum", "maximum" -> outOfRange(at, owner);
            case "maxItems" -> new Violation(at, ViolationCode.OUT_OF_RANGE,
                    "must have at most " + owner.path("maxItems").asInt() + " items, got " + value.size());
            case "format" -> new Violation(at, ViolationCode.INVALID_DATE_TIME, DateTimes.problem(value.textValue()));
            case "pattern" -> new Violation(at, ViolationCode.MISSING_FIELD, "must not be blank");
            default -> null; // oneOf, if/then and allOf only repeat what their branches reported
        };
    }

    private Violation unknownField(String path, Error e, JsonNode root, String objectPath, String rootName) {
        String pointer = parentPointer(e);
        List<String> allowed = contract.propertyNames(contract.at(pointer));
        String name = e.getProperty();
        if (variants.contains(pointer)) {
            String type = root.at(jsonPointer(objectPath) + "/type").asText();
            List<String> owners = new ArrayList<>();
            for (String other : demandTypes) {
                if (demandFields(other).contains(name)) {
                    owners.add(other);
                }
            }
            String message = owners.isEmpty()
                    ? "is not a field of " + type + " demands" + didYouMean(name, allowed)
                    : "is not a field of " + type + " demands; it belongs to " + String.join(", ", owners) + " demands";
            return new Violation(path, ViolationCode.UNKNOWN_FIELD, message, allowed);
        }
        String where = objectPath.isEmpty() ? rootName : "the " + lastName(objectPath) + " object";
        return new Violation(path, ViolationCode.UNKNOWN_FIELD, "is not a field of " + where + didYouMean(name, allowed), allowed);
    }

    /** Without a usable type no variant applies; names that no demand of any type has are still typos. */
    private void unknownFieldsOfUntypedDemands(JsonNode root, Map<String, Violation> byPath) {
        JsonNode demands = root.path("demands");
        if (!demands.isArray()) {
            return;
        }
        for (int i = 0; i < demands.size(); i++) {
            JsonNode demand = demands.get(i);
            if (!demand.isObject() || demandTypes.contains(demand.path("type").asText(null))) {
                continue;
            }
            String at = Violations.item("demands", i);
            for (var names = demand.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!anyDemandFields.contains(name)) {
                    byPath.putIfAbsent(Violations.field(at, name), new Violation(Violations.field(at, name),
                            ViolationCode.UNKNOWN_FIELD, "is not a field of any demand" + didYouMean(name, anyDemandFields),
                            anyDemandFields));
                }
            }
        }
    }

    private List<String> demandFields(String type) {
        String variant = variantOfType.get(type);
        return variant == null ? List.of() : contract.propertyNames(contract.at(variant));
    }

    private Violation wrongType(String at, JsonNode schema, JsonNode value) {
        String got = JsonTypes.describe(value);
        JsonNode enumValues = enumOf(schema);
        if (!enumValues.isMissingNode()) {
            List<String> allowed = Contract.values(enumValues);
            return new Violation(at, ViolationCode.INVALID_TYPE,
                    "must be one of " + String.join(", ", allowed) + " (a string), not " + got, allowed);
        }
        String message = switch (schema.path("type").asText()) {
            case "boolean" -> "must be a JSON boolean (true or false without quotes), not " + got;
            case "integer" -> value != null && value.isNumber()
                    ? "must be an integer, without a fractional part"
                    : "must be an integer (a JSON number, without quotes), not " + got;
            case "number" -> "must be a number (a JSON number, without quotes), not " + got;
            case "string" -> schema.has("format")
                    ? DateTimes.RULE + " (a string), not " + got
                    : "must be a string, not " + got;
            case "array" -> "must be an array, not " + got;
            case "object" -> "must be an object, not " + got;
            default -> "has the wrong type: " + got;
        };
        return new Violation(at, ViolationCode.INVALID_TYPE, message);
    }

    private static Violation unknownValue(String at, List<String> allowed, String text) {
        String suggestion = Spelling.closest(text, allowed)
                .map(s -> s.equalsIgnoreCase(text)
                        ? "; values are case-sensitive, did you mean " + s + "?"
                        : "; did you mean " + s + "?")
                .orElse("");
        return new Violation(at, ViolationCode.UNKNOWN_ENUM_VALUE, "must be one of " + String.join(", ", allowed) + suggestion,
                allowed);
    }

    private static Violation outOfRange(String at, JsonNode schema) {
        String kind = "integer".equals(schema.path("type").asText()) ? "an integer" : "a number";
        BigDecimal min = schema.path("minimum").decimalValue();
        String message = "must be " + kind + " ≥ " + min.toPlainString()
                + (schema.has("maximum") ? "; values above " + schema.path("maximum").decimalValue().toPlainString()
                        + " are rejected as implausible" : "");
        return new Violation(at, ViolationCode.OUT_OF_RANGE, message);
    }

    private JsonNode enumOf(JsonNode schema) {
        JsonNode node = contract.resolve(schema);
        if (node.has("enum")) {
            return node.get("enum");
        }
        if (node.has("const")) {
            return JsonNodeFactory.instance.arrayNode().add(node.get("const"));
        }
        return MissingNode.getInstance();
    }

    private static String didYouMean(String name, List<String> known) {
        return Spelling.closest(name, known).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** The pointer of the schema object that holds the failed keyword. */
    private static String parentPointer(Error e) {
        NodePath fragment = e.getSchemaLocation().getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/').append(fragment.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The API's path form: {@code demands[1].type}. */
    static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    private static String jsonPointer(String path) {
        return path.isEmpty() ? "" : "/" + path.replace("[", "/").replace("]", "").replace(".", "/");
    }

    private static String lastName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket >= 0 ? last.substring(0, bracket) : last;
    }
}
