package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What JSON Schema cannot say, done before the schema sees the tree: a member whose value is null
 * counts as absent (the contract's defaults apply either way), and a string holding a control
 * character or an unpaired surrogate, or a number that is not finite (only a tree built by another
 * mapper can hold one), is refused and taken out, so that the schema does not report it twice.
 * The null members taken out are listed: a name the contract does not have is an unknown field
 * whatever its value ({@link SchemaViolations#unknownNullMembers}).
 */
final class Hygiene {

    /** A member whose value was null, taken out of {@code owner}; {@code path} is where it was. */
    record NullMember(ObjectNode owner, String name, String path) {
    }

    private Hygiene() {
    }

    /** Cleans {@code node} in place, adding one violation per refused value. */
    static void clean(JsonNode node, String path, Map<String, Violation> out) {
        clean(node, path, out, new ArrayList<>());
    }

    /** As above, listing in {@code nulls} every null member taken out. */
    static void clean(JsonNode node, String path, Map<String, Violation> out, List<NullMember> nulls) {
        if (node.isObject()) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String at = Violations.field(path, member.getKey());
                if (member.getValue().isNull()) {
                    drop.add(member.getKey());
                    nulls.add(new NullMember((ObjectNode) node, member.getKey(), at));
                } else if (refused(member.getValue(), at, out)) {
                    drop.add(member.getKey());
                } else {
                    clean(member.getValue(), at, out, nulls);
                }
            }
            ((ObjectNode) node).remove(drop);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = Violations.item(path, i);
                if (!refused(node.get(i), at, out)) {
                    clean(node.get(i), at, out, nulls);
                }
            }
        }
    }

    /** True when the value was refused; an array item stays, because its index must not move. */
    private static boolean refused(JsonNode value, String at, Map<String, Violation> out) {
        if (value.isTextual()) {
            String text = value.textValue();
            int bad = firstInvalidCharacter(text);
            if (bad >= 0) {
                out.putIfAbsent(at, new Violation(at, ViolationCode.INVALID_CHARACTER, "must not contain control"
                        + " characters or unpaired surrogates; found U+" + String.format("%04X", (int) text.charAt(bad))
                        + " at character " + (bad + 1)));
                return true;
            }
        } else if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            out.putIfAbsent(at, new Violation(at, ViolationCode.OUT_OF_RANGE, "must be a finite number"));
            return true;
        }
        return false;
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
}
