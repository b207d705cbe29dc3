package io.frontlineguard.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Params in one spelling whichever side they come from: the log's JSON and the candidate's
 * objects (enums, integers, lists) both become compact JSON with sorted keys, so equal params
 * compare equal as text. List params are sets (the resolver unites them), and are sorted too: the
 * service ordered an exclusion list by the clear ids, the replay sees only their pseudonyms, so
 * the same set arrives in another order.
 */
final class Canonical {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Canonical() {
    }

    static String json(Map<?, ?> params) {
        if (params == null || params.isEmpty()) {
            return "{}";
        }
        JsonNode tree = JSON.valueToTree(params);
        return json(tree);
    }

    static String json(JsonNode params) {
        if (params == null || params.isNull() || params.isEmpty()) {
            return "{}";
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        params.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue().isArray() ? asSet(f.getValue()) : f.getValue()));
        try {
            return JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canonical JSON back as a tree, for a report that shows params as objects. */
    static JsonNode tree(String canonical) {
        try {
            return JSON.readTree(canonical);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode asSet(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        return JSON.valueToTree(items);
    }
}
