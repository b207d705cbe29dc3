package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the schema validator's findings into the API's violations: one per field path, with a code
 * from the closed set, the allowed values or names taken from the schema, and a sentence for the
 * client developer with a did-you-mean where a spelling is close. The validator's own wording is
 * never shown; it names keywords, not fields.
 */
final class SchemaViolations {

    private final Contract contract;
    /** Pointers to the per-type demand schemas (VisitDemand, …), from Demand's if/then branches. */
    private final List<String> variants = new ArrayList<>();
    private final List<String> anyDemandFields;
    private final List<String> demandTypes;

    SchemaViolations(Contract contract) {
        this.contract = contract;
        Set<String> any = new LinkedHashSet<>();
        for (JsonNode branch : contract.schema("Demand").path("allOf")) {
            String ref = branch.path("then").path("$ref").asText();
            variants.add(ref.substring(1));
            any.addAll(contract.propertyNames(contract.resolve(branch.path("then"))));
        }
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
        for (Error e : ordered) {
            Violation v = violation(e, root, rootName);
            if (v != null) {
                byPath.putIfAbsent(v.path(), v);
            }
        }
        unknownFieldsOfUntypedDemands(root, byPath);
    }

    private Violation violation(Error e, JsonNode root, String rootName) {
        String at = path(e.getInstanceLocation());
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
            default -> null; // if/then and allOf only repeat what their branches reported
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
        for (String pointer : variants) {
            JsonNode variant = contract.at(pointer);
            JsonNode typeSchema = variant.path("properties").path("type");
            if (typeSchema.path("const").asText().equals(type) || Contract.values(typeSchema.path("enum")).contains(type)) {
                return contract.propertyNames(variant);
            }
        }
        return List.of();
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
