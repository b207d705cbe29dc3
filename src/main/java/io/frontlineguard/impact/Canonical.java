package io.frontlineguard.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Params in one spelling whichever side they come from: the log's JSON and the candidate's
 * objects (enums, integers, lists) both become compact JSON with sorted keys, so equal params
 * compare equal as text.
 */
final class Canonical {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private Canonical() {
    }

    static String json(JsonNode params) {
        if (params == null || params.isNull() || params.isEmpty()) {
            return "{}";
        }
        return json(JSON.convertValue(params, Map.class));
    }

    static String json(Map<?, ?> params) {
        if (params == null || params.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
