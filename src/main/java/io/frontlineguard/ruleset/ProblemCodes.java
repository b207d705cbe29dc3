package io.frontlineguard.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem of a rules folder as a code and its parameters, so a reader can put it in its own
 * language (the console in Japanese) while the message stays the English detail. The codes name
 * the problems an author meets most (the lint's unknown names, the parser, the verification's
 * findings); any other problem is {@link #RULE_PROBLEM} with the message as its only detail.
 * Read from the message the lint, compiler and verification already write, so no producer had to
 * change and every problem gets a code; ProblemCodesTest makes each code from a broken folder, so a
 * reworded message that no longer matches fails there rather than falling back unnoticed.
 */
public final class ProblemCodes {

    /** Any problem without a more specific code: the message says what it is. */
    public static final String RULE_PROBLEM = "RULE_PROBLEM";

    /** A code with its parameters, by name. */
    public record Coded(String code, Map<String, String> args) {
    }

    private record Shape(String code, Pattern pattern, List<String> names) {
        Optional<Coded> match(String message) {
            Matcher m = pattern.matcher(message);
            if (!m.matches()) {
                return Optional.empty();
            }
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                args.put(names.get(i), m.group(i + 1));
            }
            return Optional.of(new Coded(code, Map.copyOf(args)));
        }
    }

    private static Shape shape(String code, String regex, String... names) {
        return new Shape(code, Pattern.compile(regex, Pattern.DOTALL), List.of(names));
    }

    /** First match wins: the specific shapes before the general ones. */
    private static final List<Shape> SHAPES = List.of(
            shape("SCENARIO_FAILS", "scenario '(.*)' fails: (.*)", "scenario", "differences"),
            shape("SCENARIO_WITHOUT_LESSON", "scenario '(.*)' names no lesson: .*", "scenario"),
            shape("RULE_NOT_COVERED", "rule \"(.*)\" is not covered: .*", "rule"),
            shape("LESSON_WITHOUT_RULE", "lesson '([^']*)' is cited by no rule, .*", "lesson"),
            shape("LESSON_NOT_COVERED", "lesson '([^']*)' is not covered: (\\d+) scenarios? names? it.*", "lesson", "scenarios"),
            shape("UNKNOWN_LESSON", "lesson '([^']*)' is not in lessons\\.yaml", "lesson"),
            shape("RULE_WITHOUT_LESSON", "rule names no lesson.*"),
            shape("UNKNOWN_ACTION", "'([^']*)' is not an action code of the contract.*", "code"),
            shape("UNKNOWN_PARAM", "'([^']*)' is not a param of ([A-Z_]+); .*", "param", "action"),
            shape("UNKNOWN_FIELD", "no field '([^']*)' on ([A-Za-z]+).*", "field", "type"),
            shape("UNKNOWN_VALUE", "no value '([^']*)' in ([A-Za-z]+).*", "value", "type"),
            shape("NOT_A_VALUE", "'([^']*)' is not a value of ([A-Za-z.]+).*", "value", "field"),
            shape("NOT_IN_LANGUAGE", "'(.*)' is not part of the rule language", "token"),
            shape("CALL_NOT_ALLOWED", "a consequence may only call actions\\.emit.*; found '(.*)'", "found"),
            shape("IMPORT_NOT_ALLOWED", "import of (\\S+) is not allowed.*", "import"),
            shape("WALL_CLOCK", "'([^']*)' would read the wall clock.*", "name"),
            shape("EMITS_NOTHING", "the consequence emits nothing.*"),
            shape("DRL_SYNTAX", "(?:unexpected '.*|cannot read this here.*|the file ends inside rule .*|cannot be parsed: .*"
                    + "|the file holds no rules the parser can read)"));

    private ProblemCodes() {
    }

    public static Coded of(String message) {
        String text = message == null ? "" : message.strip();
        for (Shape s : SHAPES) {
            Optional<Coded> coded = s.match(text);
            if (coded.isPresent()) {
                return coded.get();
            }
        }
        return new Coded(RULE_PROBLEM, Map.of());
    }

    /** Every code there is, {@link #RULE_PROBLEM} last: what a reader must have words for. */
    public static List<String> codes() {
        List<String> all = new java.util.ArrayList<>(SHAPES.stream().map(Shape::code).toList());
        all.add(RULE_PROBLEM);
        return List.copyOf(all);
    }
}
