package io.frontlineguard.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a constraint or a consequence into the few tokens the rule language allows. Anything
 * else, a character Java or MVEL would read differently (a backslash escape, a quote of the other
 * kind, a non-ASCII letter that looks like a Latin one), is a {@link Kind#BAD} token, so the
 * grammars never have to guess what the compiler will make of it.
 */
final class DrlTokens {

    enum Kind { IDENT, VAR, STRING, INT, OP, BAD, END }

    /** One token; {@code offset} is relative to the text that was split. */
    record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
        }
    }

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "(", ")", ",", ".", ":", ";");
    /** Nine digits always fit an int; longer numbers are no threshold anyone means. */
    static final int MAX_DIGITS = 9;

    private final List<Token> tokens = new ArrayList<>();
    private int next;

    private DrlTokens() {
    }

    static DrlTokens of(String text) {
        DrlTokens t = new DrlTokens();
        t.split(text);
        return t;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    boolean takeIf(String s) {
        if (peek().is(s)) {
            next++;
            return true;
        }
        return false;
    }

    /** The first BAD token, if any: the grammars report it before anything else. */
    Token firstBad() {
        return tokens.stream().filter(t -> t.kind() == Kind.BAD).findFirst().orElse(null);
    }

    private void split(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (s.startsWith("//", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    tokens.add(new Token(Kind.BAD, "unterminated comment", i));
                    break;
                }
                i = close + 2;
            } else if (c == '"') {
                i = string(s, i);
            } else if (c == '$' || isIdentStart(c)) {
                int j = i + 1;
                while (j < s.length() && isIdentPart(s.charAt(j))) {
                    j++;
                }
                boolean var = c == '$';
                tokens.add(var && j == i + 1 ? new Token(Kind.BAD, "$", i)
                        : new Token(var ? Kind.VAR : Kind.IDENT, s.substring(i, j), i));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
                String digits = s.substring(i, j);
                boolean plain = digits.chars().allMatch(d -> d >= '0' && d <= '9') && digits.length() <= MAX_DIGITS;
                tokens.add(new Token(plain ? Kind.INT : Kind.BAD, digits, i));
                i = j;
            } else {
                i = operator(s, i);
            }
        }
        tokens.add(new Token(Kind.END, "end of text", s.length()));
    }

    private int string(String s, int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                // Only the two escapes a reason needs; \\u… in particular is decoded by javac before it parses.
                char e = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (e != '"' && e != '\\') {
                    tokens.add(new Token(Kind.BAD, "\\" + e, i));
                    return s.length();
                }
                value.append(e);
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        tokens.add(new Token(Kind.BAD, "unterminated string", start));
        return s.length();
    }

    private int operator(String s, int i) {
        for (String op : OPERATORS) {
            if (s.startsWith(op, i)) {
                tokens.add(new Token(Kind.OP, op, i));
                return i + op.length();
            }
        }
        tokens.add(new Token(Kind.BAD, String.valueOf(Character.toChars(s.codePointAt(i))), i));
        return i + Character.charCount(s.codePointAt(i));
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
