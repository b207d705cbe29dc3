package io.frontlineguard.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A change to case memory that waits for a second person (schema Approval): who asked, why, and,
 * once decided, who decided and why. The caller appears only by pseudonym, and not at all once erased.
 * {@code blocks}: for a lift, the sources of the blocks it lifts, fixed when it was asked for (null
 * for an erasure, and for a lift asked for before lifts named their blocks: it lifts every block).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Approval(String id, What what, String subject, String requestedBy, String reason, OffsetDateTime createdAt,
                       Status status, String decidedBy, OffsetDateTime decidedAt, String decisionReason,
                       List<String> blocks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The changes that need an executive's approval; the names are the change log's. */
    public enum What {
        LIFT_BLOCK, ERASE
    }

    /** WITHDRAWN: taken back by the person who asked, who may not reject their own request. */
    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }

    /** The open requests, oldest first, and the ones decided lately, newest first (schema Approvals). */
    public record Listing(java.util.List<Approval> pending, java.util.List<Approval> recent) {
    }

    static String blocksJson(List<String> blocks) {
        try {
            return JSON.writeValueAsString(blocks);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> blocksOf(String json) {
        try {
            return json == null ? null : List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
