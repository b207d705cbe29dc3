package io.frontlineguard.ruleset;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Role;
import io.frontlineguard.ruleset.DrlTokens.Kind;
import io.frontlineguard.ruleset.DrlTokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The whole language of a consequence: one or more
 * <pre>
 *   actions.emit("CODE" (, "param", value)*);
 *   actions.assess("field", "VALUE");
 *   value := "string" | 123 | true | false | Enum.CONSTANT | $var | $thresholds.accessor()
 * </pre>
 * with a contract action code and that code's own parameter names, or an assessment field and one
 * of its values. A consequence therefore proposes actions and answers the assessment, and can do
 * nothing else: no fact changes, no calls, no loops.
 */
final class ConsequenceGrammar {

    private final DrlTokens tokens;
    private final RuleScope scope;
    private final FactVocabulary vocabulary = FactVocabulary.get();

    private ConsequenceGrammar(String text, RuleScope scope) {
        this.tokens = DrlTokens.of(text);
        this.scope = scope;
    }

    /** What a consequence proposes: action codes, and assessment answers as {@code field=VALUE}, each once in order. */
    record Consequence(List<String> codes, List<String> assessments) {
    }

    /** The codes and answers the consequence gives, in order of first appearance; throws a {@link Refusal} otherwise. */
    static Consequence check(String text, RuleScope scope) {
        ConsequenceGrammar g = new ConsequenceGrammar(text, scope);
        Token bad = g.tokens.firstBad();
        if (bad != null) {
            throw new Refusal(bad, "'" + bad.text() + "' is not part of the rule language");
        }
        List<String> codes = new ArrayList<>();
        List<String> assessments = new ArrayList<>();
        if (g.tokens.peek().kind() == Kind.END) {
            throw new Refusal(g.tokens.peek(), "the consequence emits nothing: add actions.emit(\"CODE\");");
        }
        while (g.tokens.peek().kind() != Kind.END) {
            boolean assess = g.tokens.peek(2).is("assess");
            String given = assess ? g.assess() : g.emit();
            List<String> into = assess ? assessments : codes;
            if (!into.contains(given)) {
                into.add(given);
            }
        }
        return new Consequence(List.copyOf(codes), List.copyOf(assessments));
    }

    private void call(String method) {
        Token start = tokens.peek();
        if (!(start.is("actions") && tokens.peek(1).is(".") && tokens.peek(2).is(method) && tokens.peek(3).is("("))) {
            throw new Refusal(start, "a consequence may only call actions.emit(\"CODE\", …) or actions.assess(\"field\","
                    + " \"VALUE\"); found '" + start.text() + "'");
        }
        tokens.take();
        tokens.take();
        tokens.take();
        tokens.take();
    }

    /** {@code actions.assess("field", "VALUE");} with a field of the assessment and one of its values. */
    private String assess() {
        call("assess");
        Token field = tokens.take();
        List<String> fields = AssessmentField.wireNames();
        if (field.kind() != Kind.STRING) {
            throw new Refusal(field, "the first argument of assess is the field as a string literal, one of " + String.join(", ", fields));
        }
        AssessmentField f = AssessmentField.byWireName(field.text()).orElseThrow(() -> new Refusal(field,
                "'" + field.text() + "' is not a field of the assessment" + ConstraintGrammar.suggestion(field.text(), fields)
                        + "; fields: " + String.join(", ", fields)));
        expect(",", "', \"VALUE\"' after the field");
        Token value = tokens.take();
        if (value.kind() != Kind.STRING || !f.answers().contains(value.text())) {
            throw new Refusal(value, "'" + value.text() + "' is not a value of " + f.wireName()
                    + (value.kind() == Kind.STRING ? ConstraintGrammar.suggestion(value.text(), f.answers()) : "")
                    + "; values (as a string): " + String.join(", ", f.answers()));
        }
        expect(")", "')' after the value: assess takes a field and one value");
        expect(";", "';' after actions.assess(…)");
        return f.wireName() + "=" + value.text();
    }

    private String emit() {
        call("emit");
        Token code = tokens.take();
        if (code.kind() != Kind.STRING) {
            throw new Refusal(code, "the first argument of emit is the action code as a string literal, e.g. \"REFUSE_VISIT\"");
        }
        ActionCode action = action(code);
        Set<String> given = new HashSet<>();
        while (tokens.takeIf(",")) {
            Token name = tokens.take();
            ParamType type = param(action, name);
            if (!given.add(name.text())) {
                throw new Refusal(name, "param '" + name.text() + "' is given twice");
            }
            expect(",", "a value for '" + name.text() + "'");
            value(type, name.text());
        }
        expect(")", "')' or ', \"param\", value'");
        expect(";", "';' after actions.emit(…)");
        return action.name();
    }

    private static ActionCode action(Token code) {
        List<String> known = java.util.Arrays.stream(ActionCode.values()).map(Enum::name).toList();
        if (!known.contains(code.text())) {
            throw new Refusal(code, "'" + code.text() + "' is not an action code of the contract"
                    + ConstraintGrammar.suggestion(code.text(), known));
        }
        return ActionCode.valueOf(code.text());
    }

    private static ParamType param(ActionCode action, Token name) {
        if (name.kind() != Kind.STRING) {
            throw new Refusal(name, "a param name is a string literal, e.g. \"minPeople\"");
        }
        ParamType type = action.params().get(name.text());
        if (type == null) {
            throw new Refusal(name, "'" + name.text() + "' is not a param of " + action.name() + "; "
                    + (action.params().isEmpty() ? action.name() + " takes no params" : "it takes " + describe(action.params())));
        }
        return type;
    }

    static String describe(Map<String, ParamType> params) {
        return new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + " (" + ParamTypes.describe(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private void value(ParamType type, String param) {
        Token t = tokens.take();
        switch (t.kind()) {
            case STRING -> ParamTypes.checkText(type, t, param);
            case INT -> {
                if (type != ParamType.INTEGER) {
                    throw new Refusal(t, "'" + param + "' takes " + ParamTypes.describe(type) + ", not a number");
                }
            }
            case VAR -> {
                if (tokens.peek().is(".")) {
                    accessor(t, type, param);
                }
            }
            case IDENT -> constant(t, type, param);
            default -> throw new Refusal(t, "expected a value for '" + param + "', found '" + t.text() + "'");
        }
    }

    private void accessor(Token var, ParamType type, String param) {
        tokens.take();
        Token name = tokens.take();
        if (!scope.isThresholds(var.text())) {
            throw new Refusal(var, var.text() + " is not bound to Thresholds; a consequence calls nothing but threshold"
                    + " accessors (bind one with $t : Thresholds())");
        }
        Integer arity = vocabulary.thresholdMethods().get(name.text());
        if (name.kind() != Kind.IDENT || arity == null || arity != 0) {
            List<String> accessors = vocabulary.thresholdMethods().entrySet().stream().filter(e -> e.getValue() == 0)
                    .map(Map.Entry::getKey).toList();
            throw new Refusal(name, "no threshold '" + name.text() + "'" + ConstraintGrammar.suggestion(name.text(), accessors)
                    + "; thresholds: " + String.join(", ", accessors));
        }
        expect("(", "'()' after " + name.text());
        expect(")", "')': threshold accessors take no arguments");
        if (type != ParamType.INTEGER) {
            throw new Refusal(name, "'" + param + "' takes " + ParamTypes.describe(type) + ", not a threshold number");
        }
    }

    private void constant(Token first, ParamType type, String param) {
        if (List.of("true", "false").contains(first.text())) {
            throw new Refusal(first, "'" + param + "' takes " + ParamTypes.describe(type) + ", not " + first.text());
        }
        var enumType = vocabulary.enumType(first.text());
        if (enumType.isEmpty()) {
            throw new Refusal(first, "'" + first.text() + "' is not a value: use a string, a number, Enum.CONSTANT, a bound"
                    + " $variable or $t.threshold()");
        }
        expect(".", "'.' and a value of " + first.text());
        Token constant = tokens.take();
        List<String> values = FactVocabulary.constants(enumType.get());
        if (!values.contains(constant.text())) {
            throw new Refusal(constant, "no value '" + constant.text() + "' in " + first.text()
                    + ConstraintGrammar.suggestion(constant.text(), values) + "; values: " + String.join(", ", values));
        }
        Class<?> expected = ParamTypes.enumOf(type);
        if (expected != enumType.get()) {
            throw new Refusal(first, "'" + param + "' takes " + ParamTypes.describe(type) + ", not a " + first.text());
        }
    }

    private Token expect(String op, String what) {
        Token t = tokens.take();
        if (!t.is(op)) {
            throw new Refusal(t, "expected " + what + ", found '" + t.text() + "'");
        }
        return t;
    }

    /** How each param type reads to an author, and which literal values it takes. */
    static final class ParamTypes {

        private ParamTypes() {
        }

        static String describe(ParamType type) {
            return switch (type) {
                case ROLE -> "a Role, e.g. Role.MANAGER";
                case INTEGER -> "a whole number or a threshold, e.g. $t.minVisitStaff()";
                case STRING -> "a bound $variable or a string";
                case STRING_LIST -> "a bound $variable or a string";
                case DEMAND_TYPE -> "a DemandType, e.g. DemandType.VISIT, or a bound $variable";
                case CHANNEL_LIST -> "channels as a string, e.g. \"IN_PERSON, PHONE\"";
            };
        }

        static Class<?> enumOf(ParamType type) {
            return switch (type) {
                case ROLE -> Role.class;
                case DEMAND_TYPE -> DemandType.class;
                case CHANNEL_LIST -> Channel.class;
                default -> null;
            };
        }

        /** A string literal must already be what the param type will turn it into at run time. */
        static void checkText(ParamType type, Token t, String param) {
            List<String> allowed = switch (type) {
                case ROLE -> FactVocabulary.constants(Role.class);
                case DEMAND_TYPE -> FactVocabulary.constants(DemandType.class);
                case CHANNEL_LIST -> FactVocabulary.constants(Channel.class);
                case INTEGER -> List.of();
                default -> null;
            };
            if (allowed == null) {
                return;
            }
            List<String> items = type == ParamType.CHANNEL_LIST
                    ? java.util.Arrays.stream(t.text().split(",")).map(String::strip).toList() : List.of(t.text());
            for (String item : items) {
                if (!allowed.contains(item)) {
                    throw new Refusal(t, "'" + param + "' takes " + describe(type) + "; '" + item + "' is not one"
                            + ConstraintGrammar.suggestion(item, allowed));
                }
            }
        }
    }
}
