package io.frontlineguard.incident;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a raw request body into a JSON tree, refusing anything that is not exactly one JSON object.
 * Error messages are written for client developers: they name a line and column, never a Java class.
 */
public final class JsonBody {

    /*
     * Duplicate keys are refused because Jackson would otherwise keep the last one silently.
     * Decimals stay BigDecimal so that 2.0000000000000001 is not mistaken for the integer 2 and
     * 1e400 is reported as out of range instead of turning into Infinity.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final String DUPLICATE_PREFIX = "Duplicate field '";
    private static final int MAX_HINT_LENGTH = 160;

    private JsonBody() {
    }

    /** Parses the body; throws {@link InvalidIncidentException} with a single violation if it is not one JSON object. */
    public static ObjectNode parse(byte[] body) {
        if (body == null || isWhitespace(body)) {
            throw emptyBody();
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode root = parseOneValue(parser);
            return requireObject(root);
        } catch (IOException e) {
            // createParser and close only fail on I/O, which a byte array cannot produce; parse errors are handled below.
            throw malformed(null, "cannot be read");
        }
    }

    static InvalidIncidentException emptyBody() {
        return new InvalidIncidentException(new Violation("", ViolationCode.MALFORMED_JSON, "empty body: expected a JSON object"));
    }

    static ObjectNode requireObject(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw emptyBody();
        }
        if (!root.isObject()) {
            throw new InvalidIncidentException(new Violation("", ViolationCode.INVALID_TYPE,
                    "the body must be a JSON object describing one incident, not " + JsonTypes.describe(root)));
        }
        return (ObjectNode) root;
    }

    private static JsonNode parseOneValue(JsonParser parser) throws IOException {
        try {
            JsonNode root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw malformed(parser.currentTokenLocation(), "unexpected content after the JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith(DUPLICATE_PREFIX)) {
                throw duplicate(parser, e.getLocation());
            }
            // Constraint violations (nesting depth, number length) carry no location of their own.
            throw malformed(e.getLocation() != null ? e.getLocation() : parser.currentLocation(), hint(reason));
        }
    }

    private static InvalidIncidentException duplicate(JsonParser parser, JsonLocation location) {
        return new InvalidIncidentException(new Violation(pathOf(parser.getParsingContext()), ViolationCode.DUPLICATE_FIELD,
                "appears more than once in the same object" + at(location) + "; send each field once"));
    }

    private static InvalidIncidentException malformed(JsonLocation location, String hint) {
        String message = "the body is not valid JSON" + at(location) + (hint.isEmpty() ? "" : ": " + hint);
        return new InvalidIncidentException(new Violation("", ViolationCode.MALFORMED_JSON, message));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The path of the field the parser stands on, in the same form the reader uses for its own violations. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /*
     * Jackson's own wording is useful ("Unexpected character ('}' ...): was expecting double-quote to
     * start field name") but some messages append source descriptions or feature and class names
     * ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"). Keep the useful head, drop the rest,
     * and drop the hint entirely if anything Java-looking survives.
     */
    static String hint(String reason) {
        if (reason == null) {
            return "";
        }
        String hint = reason;
        for (String tail : new String[] {"\n", " (start marker at", " (not recognized as one since", "[Source"}) {
            int cut = hint.indexOf(tail);
            if (cut >= 0) {
                hint = hint.substring(0, cut);
            }
        }
        // Backticks quote Java names: "...: enable `JsonReadFeature.X` to allow", "...allowed (1000, from `StreamReadConstraints...`)".
        int tick = hint.indexOf('`');
        if (tick >= 0) {
            int cut = Math.max(hint.lastIndexOf('(', tick), hint.lastIndexOf(':', tick));
            hint = cut > 0 ? hint.substring(0, cut) : "";
        }
        hint = hint.strip();
        if (hint.contains("`") || hint.contains("com.fasterxml") || hint.contains("java.") || hint.contains("Exception")) {
            return "";
        }
        return hint.length() > MAX_HINT_LENGTH ? hint.substring(0, MAX_HINT_LENGTH) + "…" : hint;
    }

    private static boolean isWhitespace(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
