package io.frontlineguard.ruleset;

import io.frontlineguard.incident.Spelling;
import io.frontlineguard.ruleset.DrlTokens.Kind;
import io.frontlineguard.ruleset.DrlTokens.Token;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The whole language of a pattern's constraint, checked before the compiler sees it:
 * <pre>
 *   constraint := or
 *   or         := and ('||' and)*
 *   and        := term ('&amp;&amp;' term)*
 *   term       := '(' or ')' | [$var ':'] operand [tail]
 *   tail       := ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand
 *               | ['not'] 'contains' operand | ['not'] 'in' '(' operand (',' operand)* ')'
 *   operand    := "string" | 123 | true | false | null | Enum.CONSTANT | field(.field)*
 *               | $var | $thresholds.method(operand, …)
 * </pre>
 * Fields are record components of the pattern's fact; no method call other than a threshold
 * accessor, no regex operator, no arithmetic: nothing that can loop, allocate or reach out.
 */
final class ConstraintGrammar {

    static final List<String> CLOCKS = List.of("System", "Clock", "Instant", "LocalDate", "LocalTime", "LocalDateTime",
            "ZonedDateTime", "OffsetDateTime", "Date", "Calendar", "TimeZone");
    private static final List<String> RELATIONS = List.of("==", "!=", "<", "<=", ">", ">=");

    private final DrlTokens tokens;
    private final Class<?> fact;
    private final RuleScope scope;
    private final FactVocabulary vocabulary = FactVocabulary.get();

    private ConstraintGrammar(String text, Class<?> fact, RuleScope scope) {
        this.tokens = DrlTokens.of(text);
        this.fact = fact;
        this.scope = scope;
    }

    /** Throws a {@link Refusal} at the first thing outside the language. */
    static void check(String text, Class<?> fact, RuleScope scope) {
        ConstraintGrammar g = new ConstraintGrammar(text, fact, scope);
        Token bad = g.tokens.firstBad();
        if (bad != null) {
            throw new Refusal(bad, "'" + bad.text() + "' is not part of the rule language");
        }
        g.or();
        Token rest = g.tokens.peek();
        if (rest.kind() != Kind.END) {
            throw new Refusal(rest, "unexpected '" + rest.text() + "'; a constraint compares fields with values"
                    + " (==, !=, <, <=, >, >=, contains, in) and joins comparisons with && and ||");
        }
    }

    private void or() {
        and();
        while (tokens.takeIf("||")) {
            and();
        }
    }

    private void and() {
        term();
        while (tokens.takeIf("&&")) {
            term();
        }
    }

    private void term() {
        if (tokens.takeIf("(")) {
            or();
            expect(")");
            return;
        }
        if (tokens.peek().kind() == Kind.VAR && tokens.peek(1).is(":")) {
            String var = tokens.take().text();
            tokens.take();
            scope.bind(var, null);
        }
        operand();
        tail();
    }

    private void tail() {
        Token t = tokens.peek();
        if (t.kind() == Kind.OP && RELATIONS.contains(t.text())) {
            tokens.take();
            operand();
            return;
        }
        boolean negated = tokens.takeIf("not");
        if (tokens.takeIf("contains")) {
            operand();
        } else if (tokens.takeIf("in")) {
            expect("(");
            do {
                operand();
            } while (tokens.takeIf(","));
            expect(")");
        } else if (negated) {
            throw new Refusal(tokens.peek(), "'not' here must be followed by 'contains' or 'in'");
        }
    }

    private void operand() {
        Token t = tokens.take();
        switch (t.kind()) {
            case STRING, INT -> {
            }
            case VAR -> {
                if (tokens.peek().is(".")) {
                    thresholdCall(t);
                }
            }
            case IDENT -> {
                if (!List.of("true", "false", "null").contains(t.text())) {
                    path(t);
                }
            }
            default -> throw new Refusal(t, "expected a field, a value or a bound $variable, found '" + t.text() + "'");
        }
    }

    private void thresholdCall(Token var) {
        tokens.take();
        Token name = expectIdent("a threshold accessor");
        if (!scope.isThresholds(var.text())) {
            throw new Refusal(var, var.text() + " is not bound to Thresholds; only threshold accessors may be called"
                    + " (bind one with $t : Thresholds())");
        }
        Integer arity = vocabulary.thresholdMethods().get(name.text());
        if (arity == null) {
            throw new Refusal(name, "no threshold accessor '" + name.text() + "'" + suggestion(name.text(),
                    vocabulary.thresholdMethods().keySet()) + "; accessors: " + String.join(", ", vocabulary.thresholdMethods().keySet()));
        }
        expect("(");
        int args = 0;
        if (!tokens.peek().is(")")) {
            do {
                operand();
                args++;
            } while (tokens.takeIf(","));
        }
        Token close = expect(")");
        if (args != arity) {
            throw new Refusal(close, name.text() + " takes " + arity + " argument(s), not " + args);
        }
    }

    /** An enum constant ({@code DemandType.VISIT}) or a field path on the pattern's fact ({@code caller.blocked}). */
    private void path(Token first) {
        var enumType = vocabulary.enumType(first.text());
        if (enumType.isPresent()) {
            expect(".");
            Token constant = expectIdent("a value of " + first.text());
            List<String> values = FactVocabulary.constants(enumType.get());
            if (!values.contains(constant.text())) {
                throw new Refusal(constant, "no value '" + constant.text() + "' in " + first.text()
                        + suggestion(constant.text(), values) + "; values: " + String.join(", ", values));
            }
            return;
        }
        Type current = fact;
        Token segment = first;
        while (true) {
            if (!(current instanceof Class<?> owner) || !owner.isRecord()) {
                throw new Refusal(segment, "'" + segment.text() + "' cannot be reached here: only fields of the"
                        + " pattern's fact and of its nested records can be named" + (current instanceof ParameterizedType
                        ? "; for a list use 'contains'" : ""));
            }
            Map<String, Type> fields = FactVocabulary.fields(owner);
            current = fields.get(segment.text());
            if (current == null && segment == first && CLOCKS.contains(first.text())) {
                throw new Refusal(first, "'" + first.text() + "' would read the wall clock; rules take time only from"
                        + " the incident (ageDays, visitHour, occurredAt), so a replayed incident decides the same");
            }
            if (current == null) {
                throw new Refusal(segment, "no field '" + segment.text() + "' on " + owner.getSimpleName()
                        + suggestion(segment.text(), fields.keySet()) + "; fields: " + String.join(", ", fields.keySet()));
            }
            if (segment == first && FactVocabulary.isJudgement(fact)) {
                scope.read(first.text());
            }
            if (!tokens.takeIf(".")) {
                return;
            }
            segment = expectIdent("a field name");
        }
    }

    private Token expect(String op) {
        Token t = tokens.take();
        if (!t.is(op)) {
            throw new Refusal(t, "expected '" + op + "', found '" + t.text() + "'");
        }
        return t;
    }

    private Token expectIdent(String what) {
        Token t = tokens.take();
        if (t.kind() != Kind.IDENT) {
            throw new Refusal(t, "expected " + what + ", found '" + t.text() + "'");
        }
        return t;
    }

    static String suggestion(String typed, java.util.Collection<String> known) {
        return Spelling.closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
