package io.frontlineguard.ruleset;

/**
 * DRL source with comments and string literals blanked out (same length, same line breaks), so
 * token checks see only code and never flag a word inside a reason or a comment, while positions
 * still map to the author's file.
 */
final class DrlText {

    private final String original;
    private final String code;

    DrlText(String original) {
        this.original = original;
        this.code = mask(original);
    }

    String original() {
        return original;
    }

    String code() {
        return code;
    }

    int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The offset of a 1-based line and 0-based column, as the DRL parser reports positions. */
    int offset(int line, int column0) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = original.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return original.length();
            }
        }
        return Math.min(original.length(), offset + Math.max(0, column0));
    }

    int column(int offset) {
        int start = original.lastIndexOf('\n', Math.max(0, offset - 1));
        return offset - start;
    }

    private static String mask(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                i = blank(out, s, i, s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i));
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = blank(out, s, i, end < 0 ? s.length() : end + 2);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                // Keep the quotes so "a string was here" stays visible to the checks.
                blank(out, s, i + 1, Math.min(j, s.length()));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(StringBuilder out, String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
        return to;
    }
}
