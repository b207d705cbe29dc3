package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object under a path. Every problem is recorded and reading goes on,
 * so a reader returns a default or null for a bad value and the caller never sees an exception here.
 * JSON null counts as absent: the contract gives optional fields their default either way.
 */
final class Fields {

    static final String DATE_TIME_RULE =
            "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T10:15:00+09:00";

    private final JsonNode object;
    private final String path;
    private final Violations out;

    private Fields(JsonNode object, String path, Violations out) {
        this.object = object;
        this.path = path;
        this.out = out;
    }

    /** Reads {@code object} at {@code path}; an absent object reads as empty, so every default applies. */
    static Fields of(JsonNode object, String path, Violations out) {
        return new Fields(object == null ? JsonNodeFactory.instance.objectNode() : object, path, out);
    }

    String pathOf(String name) {
        return Violations.field(path, name);
    }

    Violations violations() {
        return out;
    }

    JsonNode value(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    boolean present(String name) {
        return value(name) != null;
    }

    boolean require(String name) {
        if (present(name)) {
            return true;
        }
        out.add(pathOf(name), ViolationCode.MISSING_FIELD, "is required");
        return false;
    }

    void rejectUnknown(List<String> known, String where) {
        rejectUnknown(known, name -> "is not a field of " + where
                + Spelling.closest(name, known).map(s -> "; did you mean " + s + "?").orElse(""));
    }

    void rejectUnknown(List<String> known, Function<String, String> message) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                out.add(pathOf(name), ViolationCode.UNKNOWN_FIELD, message.apply(name), known);
            }
        }
    }

    /** A nested object; null, absent or mistyped reads as empty so its defaults apply and reading continues. */
    Fields object(String name) {
        JsonNode value = value(name);
        if (value != null && !value.isObject()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE, "must be an object, not " + JsonTypes.describe(value));
            value = null;
        }
        return of(value, pathOf(name), out);
    }

    /** The items of an array field; empty when absent or mistyped. Items beyond the limit are still returned and checked. */
    List<JsonNode> array(String name, int maxItems) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE, "must be an array, not " + JsonTypes.describe(value));
            return List.of();
        }
        if (value.size() > maxItems) {
            out.add(pathOf(name), ViolationCode.OUT_OF_RANGE,
                    "must have at most " + maxItems + " items, got " + value.size());
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    String string(String name, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE, "must be a string, not " + JsonTypes.describe(value));
            return null;
        }
        String text = value.textValue();
        int bad = firstInvalidCharacter(text);
        if (bad >= 0) {
            out.add(pathOf(name), ViolationCode.INVALID_CHARACTER, "must not contain control characters or unpaired"
                    + " surrogates; found U+" + String.format("%04X", (int) text.charAt(bad)) + " at character " + (bad + 1));
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            out.add(pathOf(name), ViolationCode.TOO_LONG,
                    "must be at most " + maxLength + " characters, got " + length);
            return null;
        }
        return text;
    }

    /**
     * The index of the first control character or unpaired surrogate, or -1. Tab, line feed and
     * carriage return are whitespace, not hazards: a value made of them is blank, and said so.
     */
    static int firstInvalidCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode value = value(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE,
                    "must be a JSON boolean (true or false without quotes), not " + JsonTypes.describe(value));
            return defaultValue;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
        JsonNode value = value(name);
        if (value == null) {
            return defaultValue;
        }
        E parsed = enumAt(value, pathOf(name), type);
        return parsed == null ? defaultValue : parsed;
    }

    <E extends Enum<E>> E enumAt(JsonNode value, String at, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String rule = "must be one of " + String.join(", ", allowed);
        if (value == null || !value.isTextual()) {
            out.add(at, ViolationCode.INVALID_TYPE, rule + " (a string), not " + JsonTypes.describe(value), allowed);
            return null;
        }
        String text = value.textValue();
        if (allowed.contains(text)) {
            return Enum.valueOf(type, text);
        }
        String suggestion = Spelling.closest(text, allowed)
                .map(s -> s.equalsIgnoreCase(text)
                        ? "; values are case-sensitive, did you mean " + s + "?"
                        : "; did you mean " + s + "?")
                .orElse("");
        out.add(at, ViolationCode.UNKNOWN_ENUM_VALUE, rule + suggestion, allowed);
        return null;
    }

    OffsetDateTime dateTime(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE,
                    DATE_TIME_RULE + " (a string), not " + JsonTypes.describe(value));
            return null;
        }
        String text = value.textValue();
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            // ISO-8601 lets a signed year run to nine digits; RFC 3339, which the contract means, has four.
            if (parsed.getYear() < 1 || parsed.getYear() > 9999 || text.startsWith("+") || text.startsWith("-")) {
                out.add(pathOf(name), ViolationCode.INVALID_DATE_TIME, "the year must have four digits (0001 to 9999); "
                        + DATE_TIME_RULE);
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            String problem = lacksOnlyTheOffset(text) ? "has no offset; " : "";
            out.add(pathOf(name), ViolationCode.INVALID_DATE_TIME, problem + DATE_TIME_RULE);
            return null;
        }
    }

    /**
     * An integral number in [min, max]; 2.0 and 1e3 count as integers, 2.5 does not. The upper
     * bounds are plausibility limits, not contract limits, so the message says so.
     */
    Long integer(String name, long min, long max) {
        BigDecimal number = numeric(name, "an integer");
        if (number == null) {
            return null;
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE, "must be an integer, without a fractional part");
            return null;
        }
        if (!inRange(name, number, min, max, "an integer")) {
            return null;
        }
        return number.longValueExact();
    }

    Double number(String name, long min, long max) {
        BigDecimal number = numeric(name, "a number");
        if (number == null || !inRange(name, number, min, max, "a number")) {
            return null;
        }
        return number.doubleValue();
    }

    private BigDecimal numeric(String name, String kind) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            out.add(pathOf(name), ViolationCode.INVALID_TYPE,
                    "must be " + kind + " (a JSON number, without quotes), not " + JsonTypes.describe(value));
            return null;
        }
        // Trees built by other mappers may hold doubles; NaN and Infinity have no BigDecimal form.
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            out.add(pathOf(name), ViolationCode.OUT_OF_RANGE, "must be a finite number");
            return null;
        }
        return value.decimalValue();
    }

    private boolean inRange(String name, BigDecimal number, long min, long max, String kind) {
        if (number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
            return true;
        }
        out.add(pathOf(name), ViolationCode.OUT_OF_RANGE,
                "must be " + kind + " ≥ " + min + "; values above " + max + " are rejected as implausible");
        return false;
    }

    private static boolean lacksOnlyTheOffset(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
