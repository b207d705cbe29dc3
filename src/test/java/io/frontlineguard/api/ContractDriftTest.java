package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CallerKind;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.Contract;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.Place;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Role;
import io.frontlineguard.incident.Severity;
import io.frontlineguard.incident.ViolationCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published document is the source; the Java types the rules and the resolver use must say the
 * same. These tests fail when one side changes without the other.
 */
class ContractDriftTest {

    private final Contract contract = Contract.get();

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("Channel", Channel.class), Arguments.of("CallerKind", CallerKind.class),
                Arguments.of("PoliceInvolvement", PoliceInvolvement.class), Arguments.of("Conduct", Conduct.class),
                Arguments.of("DemandType", DemandType.class), Arguments.of("Place", Place.class),
                Arguments.of("CompanyFault", CompanyFault.class), Arguments.of("ManagementAnswer", ManagementAnswer.class),
                Arguments.of("Severity", Severity.class), Arguments.of("Role", Role.class),
                Arguments.of("ActionCode", ActionCode.class), Arguments.of("ViolationCode", ViolationCode.class),
                Arguments.of("ErrorCode", ErrorCode.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void shouldListTheSameEnumValuesInTheSameOrderAsJava(String schema, Class<? extends Enum<?>> type) {
        List<String> java = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();

        assertEquals(java, contract.enumValues(schema));
    }

    @Test
    void shouldGiveEveryActionCodeTheParamsItsJavaDefinitionDeclares() {
        Map<String, Map<String, String>> published = publishedParams();
        Map<String, Map<String, String>> java = new TreeMap<>();
        for (ActionCode code : ActionCode.values()) {
            Map<String, String> params = new TreeMap<>();
            code.params().forEach((name, type) -> params.put(name, wireType(type)));
            java.put(code.name(), params);
        }

        assertEquals(java, published);
    }

    @Test
    void shouldBindEveryRequestFieldTheDocumentDefines() {
        assertBound("Incident", Incident.class);
        assertBound("Caller", Caller.class);
        assertBound("CaseHistory", CaseHistory.class);
        assertBound("Handler", Handler.class);
        Set<String> demandFields = new LinkedHashSet<>();
        for (String variant : List.of("VisitDemand", "StaffDemand", "MonetaryDemand", "CallbackDemand", "PlainDemand")) {
            demandFields.addAll(contract.propertyNames(variant));
        }
        assertTrue(components(Demand.class).containsAll(demandFields), () -> "Demand lacks some of " + demandFields);
    }

    @Test
    void shouldGiveEveryOptionalBooleanAndEnumOfTheRequestADefault() {
        for (String schema : List.of("Caller", "CaseHistory", "Handler", "VisitDemand")) {
            for (String name : contract.propertyNames(schema)) {
                JsonNode own = contract.schema(schema).path("properties").path(name);
                JsonNode resolved = contract.resolve(own);
                boolean needsDefault = "boolean".equals(resolved.path("type").asText())
                        || (resolved.has("enum") && !name.equals("place") && !name.equals("type"));
                if (needsDefault) {
                    assertFalse(own.path("default").isMissingNode() && resolved.path("default").isMissingNode(),
                            schema + "." + name + " has no default");
                }
            }
        }
    }

    private void assertBound(String schema, Class<? extends Record> type) {
        List<String> fields = contract.propertyNames(schema);
        assertTrue(components(type).containsAll(fields), () -> type.getSimpleName() + " does not bind all of " + fields);
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }

    /** code → param → wire type, read from the params of each code's variant of Action. */
    private Map<String, Map<String, String>> publishedParams() {
        Map<String, Map<String, String>> byCode = new TreeMap<>();
        variantsByValue("Action").forEach((code, variant) -> {
            JsonNode params = contract.resolve(variant.path("properties").path("params"));
            Map<String, String> types = new TreeMap<>();
            params.path("properties").fields().forEachRemaining(p -> types.put(p.getKey(), wireType(p.getValue())));
            List<String> required = new ArrayList<>(Contract.values(params.path("required")));
            assertEquals(types.keySet(), new java.util.TreeSet<>(required), "every param is required: " + code);
            byCode.put(code, types);
        });
        return byCode;
    }

    static Stream<Arguments> discriminated() {
        return Stream.of(Arguments.of("Demand", "type", "DemandType"), Arguments.of("Action", "code", "ActionCode"),
                Arguments.of("Replacement", "code", "ActionCode"), Arguments.of("Overridden", "code", "ActionCode"));
    }

    /**
     * Generators pick the variant by the discriminator's mapping; the validator by the variant's own
     * enum of the property. Both must name every value once, and the same variant for each.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("discriminated")
    void shouldMapEveryValueToTheOneVariantThatAcceptsIt(String schema, String property, String values) {
        JsonNode union = contract.schema(schema);
        assertEquals(property, union.path("discriminator").path("propertyName").asText());
        Map<String, String> accepting = new TreeMap<>();
        for (JsonNode ref : union.path("oneOf")) {
            JsonNode variant = contract.resolve(ref);
            JsonNode own = variant.path("properties").path(property);
            List<String> accepted = own.has("const") ? List.of(own.get("const").asText()) : Contract.values(own.path("enum"));
            assertFalse(accepted.isEmpty(), () -> ref + " does not restrict " + property);
            assertTrue(Contract.values(variant.path("required")).contains(property), () -> ref + " does not require " + property);
            accepted.forEach(v -> assertEquals(null, accepting.put(v, ref.path("$ref").asText()), () -> v + " has two variants"));
        }
        Map<String, String> mapped = new TreeMap<>();
        union.path("discriminator").path("mapping").fields().forEachRemaining(m -> mapped.put(m.getKey(), m.getValue().asText()));

        assertEquals(accepting, mapped);
        List<String> inOrder = new ArrayList<>();
        union.path("discriminator").path("mapping").fieldNames().forEachRemaining(inOrder::add);
        assertEquals(contract.enumValues(values), inOrder, "the mapping lists every value, in the enum's order");
    }

    /** An overridden action and its replacement carry the same params as the action of the same code. */
    @Test
    void shouldGiveACodeTheSameParamsWhereverAnActionAppears() {
        Map<String, JsonNode> action = variantsByValue("Action");
        for (String schema : List.of("Replacement", "Overridden")) {
            variantsByValue(schema).forEach((code, variant) -> assertEquals(action.get(code).path("properties").path("params"),
                    variant.path("properties").path("params"), () -> schema + " " + code));
        }
    }

    /** The variant of each discriminator value, by the mapping. */
    private Map<String, JsonNode> variantsByValue(String schema) {
        Map<String, JsonNode> byValue = new TreeMap<>();
        contract.schema(schema).path("discriminator").path("mapping").fields()
                .forEachRemaining(m -> byValue.put(m.getKey(), contract.at(m.getValue().asText().substring(1))));
        return byValue;
    }

    private String wireType(JsonNode schema) {
        if (schema.has("$ref")) {
            return schema.get("$ref").asText().substring("#/components/schemas/".length());
        }
        String type = schema.path("type").asText();
        return "array".equals(type) ? "array of " + wireType(schema.path("items")) : type;
    }

    private static String wireType(ParamType type) {
        return switch (type) {
            case ROLE -> "Role";
            case INTEGER -> "integer";
            case STRING -> "string";
            case STRING_LIST -> "array of string";
            case DEMAND_TYPE -> "DemandType";
            case CHANNEL_LIST -> "array of Channel";
        };
    }
}
