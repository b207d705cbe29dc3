package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON text written piece by piece, escaped as Jackson escapes (quote, backslash, and control
 * characters: {@code \b \t \n \f \r} short, the others {@code \}{@code u00XX}; everything else as
 * it is), so that {@link EntryFormatter}'s lines stay byte for byte what Jackson wrote before.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** For a param or remembered value of a type written nowhere else; none today. */
    private static final ObjectWriter FALLBACK = JsonMapper.builder().build().writer();

    private final StringBuilder out;

    JsonText(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** Text that is JSON already: a constant, or a string escaped earlier. */
    JsonText raw(String json) {
        out.append(json);
        return this;
    }

    JsonText string(String s) {
        if (s == null) {
            out.append("null");
        } else {
            quote(out, s);
        }
        return this;
    }

    JsonText bool(boolean b) {
        out.append(b ? "true" : "false");
        return this;
    }

    JsonText number(long n) {
        out.append(n);
        return this;
    }

    /** As Jackson writes a double: {@link Double#toString}. */
    JsonText number(double d) {
        out.append(Double.toString(d));
        return this;
    }

    /** A value of a map or a remembered fact, as Jackson writes it by default. */
    JsonText value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            quote(out, s);
        } else if (v instanceof Boolean b) {
            bool(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double d) {
            out.append(Double.toString(d));
        } else if (v instanceof Enum<?> e && !hasJsonValue(e)) {
            quote(out, e.name());
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    out.append(',');
                }
                value(item);
                first = false;
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                value(e.getValue());
                first = false;
            }
            out.append('}');
        } else {
            try {
                out.append(FALLBACK.writeValueAsString(v));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    private static boolean hasJsonValue(Enum<?> e) {
        for (var m : e.getDeclaringClass().getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, from, s.length()).append('"');
    }

    /**
     * Texts that recur in every entry (rule names, rule-set versions, param names), quoted and escaped
     * once. Bounded: the set of rule names is small, and if it ever is not, a full cache only costs
     * escaping again.
     */
    static final class Cache {
        private final int max;
        private final Map<String, String> quoted = new ConcurrentHashMap<>();

        Cache(int max) {
            this.max = max;
        }

        String quoted(String s) {
            String q = quoted.get(s);
            if (q == null) {
                StringBuilder b = new StringBuilder(s.length() + 2);
                quote(b, s);
                q = b.toString();
                if (quoted.size() >= max) {
                    quoted.clear();
                }
                quoted.put(s, q);
            }
            return q;
        }
    }
}
