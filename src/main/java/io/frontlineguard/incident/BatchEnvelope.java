package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch as a whole, checked against the contract's BatchEnvelope schema. Its items are not
 * checked here: each one is read as an incident of its own and may fail on its own.
 */
public final class BatchEnvelope {

    private static final Schema ENVELOPE = Contract.get().validator("BatchEnvelope");
    private static final SchemaViolations VIOLATIONS = new SchemaViolations(Contract.get());

    private BatchEnvelope() {
    }

    /** The items of a parsed batch body; throws {@link InvalidIncidentException} when it is not a batch. */
    public static List<JsonNode> items(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidIncidentException(new Violation("", ViolationCode.INVALID_TYPE,
                    "must be an object with an 'incidents' array"));
        }
        // Only the envelope's own members are cleaned here; each item is cleaned when it is read.
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<Hygiene.NullMember> nulls = new ArrayList<>();
        root.fields().forEachRemaining(member -> {
            if (!member.getValue().isNull()) {
                body.set(member.getKey(), member.getValue());
            } else {
                nulls.add(new Hygiene.NullMember(body, member.getKey(), member.getKey()));
            }
        });
        Map<String, Violation> found = new LinkedHashMap<>();
        VIOLATIONS.translate(ENVELOPE.validate(body), body, "the batch", found);
        VIOLATIONS.unknownNullMembers(ENVELOPE, body, "the batch", nulls, found);
        if (!found.isEmpty()) {
            throw new InvalidIncidentException(new ArrayList<>(found.values()));
        }
        List<JsonNode> items = new ArrayList<>();
        root.get("incidents").forEach(items::add);
        return items;
    }
}
