package io.frontlineguard.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The JSON form of stored facts. Times keep their offsets, so a recollection reads back exactly as written. */
final class MemoryJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("stored-time")
                    .addDeserializer(java.time.OffsetDateTime.class, new StoredTime()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    /**
     * The form a request's retry digest is taken over. Properties are sorted, and those at their
     * zero value (0, false, null, empty) are left out, so a field added to the incident with such a
     * default (contactMinutes was one) does not change the digest of requests stored before it.
     * Without that, a retry across an upgrade would be refused as INCIDENT_ID_REUSED.
     */
    private static final ObjectMapper DIGEST_FORM = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            .build();

    private MemoryJson() {
    }

    static String digestForm(Object value) {
        try {
            return DIGEST_FORM.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode treeOf(Object value) {
        return JSON.valueToTree(value);
    }

    static <T> T read(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
