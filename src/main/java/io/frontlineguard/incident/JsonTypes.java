package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;

/** Names JSON types the way a client developer thinks of them, for "got a string"-style messages. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a non-JSON value";
        };
    }
}
