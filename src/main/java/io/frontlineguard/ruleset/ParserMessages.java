package io.frontlineguard.ruleset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL parser's messages in an author's words. The parser says "[ERR 102] Line 19:0 mismatched
 * input 'then' in rule …"; the position is already in {@code file:line:col}, the error number means
 * nothing to an author, and the likely fix depends on the token it stopped at.
 */
final class ParserMessages {

    private static final Pattern PREFIX = Pattern.compile("^(\\[ERR \\d+] )?Line \\d+:\\d+ ");
    private static final Pattern MISMATCHED = Pattern.compile("^mismatched input '(.*)' in rule (\".*\")$");
    private static final Pattern NO_VIABLE = Pattern.compile("^no viable alternative at input '(.*)'(?: in rule (\".*\"))?$");
    private static final Pattern AT_EOF = Pattern.compile("^unexpected exception at input '<eof>'.*", Pattern.DOTALL);

    private ParserMessages() {
    }

    static String plain(String raw) {
        String text = PREFIX.matcher(raw.strip()).replaceFirst("");
        if (AT_EOF.matcher(text).matches()) {
            return "the file ends inside a rule: is its 'end' missing?";
        }
        Matcher m = MISMATCHED.matcher(text);
        if (m.matches()) {
            return unexpected(m.group(1), m.group(2));
        }
        m = NO_VIABLE.matcher(text);
        if (m.matches()) {
            String at = m.group(1).isEmpty() ? "this" : "'" + m.group(1) + "'";
            return "cannot read " + at + " here; is a string left open (a missing '\"') or a character out of place?"
                    + (m.group(2) == null ? "" : " (in rule " + m.group(2) + ")");
        }
        return text;
    }

    private static String unexpected(String token, String rule) {
        if (token.equals("<eof>")) {
            return "the file ends inside rule " + rule + ": is its 'end' missing?";
        }
        String hint = switch (token) {
            case "then" -> "the conditions are not closed before 'then': a ')' is probably missing";
            case "end" -> "the rule ends before its consequence is complete: a ')' or ';' is probably missing";
            case ",", ")" -> "the parentheses do not match: a '(' too many or a ')' missing before it";
            case "rule" -> "a rule starts inside the one before: is that rule's 'end' missing?";
            default -> Character.isJavaIdentifierStart(token.isEmpty() ? ' ' : token.charAt(0))
                    ? "did the previous rule lose its 'end', or does a rule name lack its quotes (rule \"…\")?"
                    : "a character is out of place";
        };
        return "unexpected '" + token + "' in rule " + rule + "; " + hint;
    }
}
