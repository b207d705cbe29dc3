package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md is written by hand, in words for client developers; these tests hold its tables to
 * the published document, row by row, so the reference cannot say one thing while the service
 * validates another. The meaning column is free text and not compared.
 */
class ApiReferenceTest {

    private static final Path REFERENCE = Path.of("docs/api.md");
    private final Contract contract = Contract.get();

    @Test
    void shouldListEveryRequestFieldWithItsTypeAndDefault() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        JsonNode incident = contract.schema("Incident");
        List<String> required = Contract.values(incident.path("required"));
        incident.path("properties").fields().forEachRemaining(p -> {
            JsonNode resolved = contract.resolve(p.getValue());
            if ("object".equals(resolved.path("type").asText()) && resolved.has("properties")) {
                resolved.path("properties").fields().forEachRemaining(q -> expected.put("`" + p.getKey() + "." + q.getKey() + "`",
                        type(q.getValue()) + " | " + defaultOf(q.getValue(), false)));
            } else {
                expected.put("`" + p.getKey() + "`", type(p.getValue()) + " | " + defaultOf(p.getValue(), required.contains(p.getKey())));
            }
        });

        assertEquals(rows(expected), rows(table("| field | type | default |", 3)));
    }

    @Test
    void shouldListEveryDemandFieldUnderItsTypes() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String variant : List.of("VisitDemand", "StaffDemand", "MonetaryDemand", "CallbackDemand", "PlainDemand")) {
            JsonNode schema = contract.schema(variant);
            JsonNode type = schema.path("properties").path("type");
            String types = (type.has("const") ? List.of(type.get("const").asText()) : Contract.values(type.path("enum")))
                    .stream().map(t -> "`" + t + "`").collect(Collectors.joining(" "));
            schema.path("properties").fields().forEachRemaining(p -> {
                if (!p.getKey().equals("type")) {
                    expected.put(types + " | `" + p.getKey() + "` " + type(p.getValue()), defaultOf(p.getValue(), false));
                }
            });
            if (schema.path("properties").size() == 1) {
                expected.put(types + " | —", "");
            }
        }

        assertEquals(rows(expected), rows(table("| type | fields | default |", 3)));
    }

    @Test
    void shouldListEveryActionCodeWithItsParamsInResponseOrder() throws IOException {
        Map<String, JsonNode> paramsByCode = new LinkedHashMap<>();
        contract.schema("Action").path("discriminator").path("mapping").fields().forEachRemaining(m -> paramsByCode.put(m.getKey(),
                contract.resolve(contract.at(m.getValue().asText().substring(1)).path("properties").path("params"))));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String code : contract.enumValues("ActionCode")) {
            List<String> params = new ArrayList<>();
            paramsByCode.get(code).path("properties").fields()
                    .forEachRemaining(p -> params.add("`" + p.getKey() + "`: " + paramType(p.getValue())));
            expected.put("`" + code + "`", params.isEmpty() ? "—" : String.join(", ", params));
        }

        assertEquals(rows(expected), rows(table("| code | params | meaning |", 2)));
    }

    private String type(JsonNode own) {
        JsonNode s = contract.resolve(own);
        if (s.has("enum")) {
            return Contract.values(s.get("enum")).stream().map(v -> "`" + v + "`").collect(Collectors.joining(" "));
        }
        return switch (s.path("type").asText()) {
            case "string" -> "date-time".equals(s.path("format").asText()) ? "date-time with offset"
                    : s.has("maxLength") ? "string ≤ " + s.get("maxLength").asInt() : "string";
            case "number", "integer" -> s.path("type").asText() + (s.has("minimum") ? " ≥ " + s.get("minimum").asText() : "");
            case "array" -> s.path("items").path("$ref").asText().endsWith("/Demand")
                    ? "array of demand objects (below)" : "array of " + type(s.path("items"));
            default -> s.path("type").asText();
        };
    }

    private String defaultOf(JsonNode own, boolean required) {
        if (required) {
            return "**required**";
        }
        JsonNode value = own.has("default") ? own.get("default") : contract.resolve(own).path("default");
        if (value.isMissingNode()) {
            return own.path("description").asText().contains("defaults to occurredAt") ? "`occurredAt`" : "none";
        }
        return value.isTextual() ? "`" + value.asText() + "`" : value.toString();
    }

    private static String paramType(JsonNode schema) {
        if (schema.has("$ref")) {
            return switch (schema.get("$ref").asText().substring("#/components/schemas/".length())) {
                case "Role" -> "role";
                case "DemandType" -> "demand type";
                case "Channel" -> "channel";
                default -> schema.get("$ref").asText();
            };
        }
        if ("array".equals(schema.path("type").asText())) {
            return "[" + paramType(schema.path("items")) + "]";
        }
        return schema.path("type").asText() + (schema.has("minimum") ? " ≥ " + schema.get("minimum").asText() : "");
    }

    /** The first {@code columns} cells of each row of the table whose header starts with {@code header}. */
    private static List<String> table(String header, int columns) throws IOException {
        List<String> lines = Files.readAllLines(REFERENCE);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 2;
                break;
            }
        }
        if (start < 0) {
            throw new AssertionError(REFERENCE + " has no table headed " + header);
        }
        List<String> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = new ArrayList<>();
            for (String cell : lines.get(i).substring(1).split(" \\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(String.join(" | ", cells.subList(0, Math.min(columns, cells.size()))));
        }
        return rows;
    }

    private static List<String> rows(Map<String, String> expected) {
        return rows(expected.entrySet().stream().map(e -> e.getKey() + " | " + e.getValue()).toList());
    }

    /** Empty trailing cells carry nothing, so "a | b |" and "a | b" are the same row. */
    private static List<String> rows(List<String> rows) {
        return rows.stream().map(r -> r.strip().replaceAll("(\\s*\\|)+$", "").strip()).toList();
    }
}
