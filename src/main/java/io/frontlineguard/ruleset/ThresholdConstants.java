package io.frontlineguard.ruleset;

import io.frontlineguard.ruleset.DrlTokens.Kind;
import io.frontlineguard.ruleset.DrlTokens.Token;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Compiles the thresholds into the rules as constants of the rule-set version (issue 32). Authors
 * keep writing {@code Thresholds(longCaseDays <= $days)} and {@code $t.minVisitStaff()}; the
 * rule base gets {@code CaseHistory(30 <= ageDays)} and {@code 2}. Joining a {@code Thresholds}
 * fact cost every rule that used one a join node, a right memory to fill and reset on every
 * decision, and an evaluation whether or not its other facts matched; a constant moved into the
 * pattern that binds the compared value becomes a test on that fact alone, and a rule whose test
 * fails is never evaluated. The version hash already covers {@code thresholds.yaml}, and a change
 * to it rebuilds the rule base, so a constant is exactly as current as the fact was.
 *
 * <p>What moves where, within the constraint grammar the lint admitted:
 * <ul>
 *   <li>a threshold field in a {@code Thresholds} pattern is its value; {@code $x : field} makes
 *       {@code $x} that value wherever the rule (and every rule extending it) names it;</li>
 *   <li>{@code $t.accessor()} is the value; {@code $t.isNight(h)} and the other derived tests call
 *       the static form with the thresholds they read as literals ({@link #CALLS});</li>
 *   <li>a comparison left in a top-level {@code Thresholds} pattern goes to the rule's own pattern
 *       that binds the last of its variables, with that pattern's variables replaced by the fields
 *       they stand for; anything else (no variable, a variable of a parent rule, a pattern under
 *       {@code not}, {@code exists} or {@code or}) becomes an {@code eval} in the pattern's place.</li>
 * </ul>
 * The descriptors are changed in place, as the stages' agenda groups are: {@link ParsedRules}
 * hands them to the compiler once ({@link ParsedRules#forCompiling}).
 */
final class ThresholdConstants {

    /** Derived threshold tests: the static method each calls, and the thresholds it passes after the arguments. */
    static final Map<String, Call> CALLS = Map.of(
            "isNight", new Call("night", List.of("nightStartsHour", "nightEndsHour")),
            "beyondProportion", new Call("exceeds", List.of("moneyDemandMultiple", "lossFloorJpy")),
            "grosslyBeyondProportion", new Call("exceeds", List.of("grossDemandMultiple", "lossFloorJpy")));

    record Call(String staticMethod, List<String> thresholds) {
    }

    private static final String THRESHOLDS = Thresholds.class.getSimpleName();

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, RuleDescr> rules = new HashMap<>();
    private final Map<String, Scope> done = new HashMap<>();

    private ThresholdConstants(Thresholds thresholds) {
        for (RecordComponent c : Thresholds.class.getRecordComponents()) {
            try {
                values.put(c.getName(), String.valueOf(c.getAccessor().invoke(thresholds)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read threshold " + c.getName(), e);
            }
        }
    }

    /** Replaces every use of the thresholds in these packages by its value. */
    static void inline(SortedMap<String, PackageDescr> packages, Thresholds thresholds) {
        ThresholdConstants c = new ThresholdConstants(thresholds);
        packages.values().forEach(p -> p.getRules().forEach(r -> c.rules.put(r.getName(), r)));
        packages.values().forEach(p -> p.getRules().forEach(c::rule));
    }

    /** What a rule knows about its variables: those that stand for thresholds, and its own fields bound at top level. */
    private static final class Scope {
        final Map<String, String> constants = new HashMap<>();
        final Set<String> thresholds = new HashSet<>();
        final Map<String, Bound> fields = new HashMap<>();

        Scope inherit(Scope parent) {
            constants.putAll(parent.constants);
            thresholds.addAll(parent.thresholds);
            return this;
        }
    }

    /** {@code $var : path} in a pattern of the rule's top-level conjunction. */
    private record Bound(PatternDescr pattern, String path) {
    }

    private Scope rule(RuleDescr r) {
        Scope known = done.get(r.getName());
        if (known != null) {
            return known;
        }
        Scope scope = new Scope();
        RuleDescr parent = r.getParentName() == null ? null : rules.get(r.getParentName());
        if (parent != null) {
            scope.inherit(rule(parent));
        }
        done.put(r.getName(), scope);
        AndDescr lhs = r.getLhs();
        if (lhs != null) {
            conditions(lhs, lhs, true, scope);
        }
        if (r.getConsequence() instanceof String rhs) {
            r.setConsequence(substitute(rhs, scope));
        }
        return scope;
    }

    private void conditions(ConditionalElementDescr ce, AndDescr root, boolean topLevel, Scope scope) {
        @SuppressWarnings("unchecked")
        List<BaseDescr> children = (List<BaseDescr>) ce.getDescrs();
        for (int i = 0; i < children.size(); i++) {
            BaseDescr d = children.get(i);
            if (d instanceof PatternDescr p && THRESHOLDS.equals(p.getObjectType())) {
                BaseDescr replacement = thresholdsPattern(p, root, topLevel, scope);
                if (replacement == null) {
                    children.remove(i--);
                } else {
                    children.set(i, replacement);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p, topLevel, scope);
            } else if (d instanceof ConditionalElementDescr nested) {
                // Only the rule's own conjunction keeps its top level: and-within-and is still top level.
                conditions(nested, root, topLevel && d instanceof AndDescr, scope);
            }
        }
    }

    private void pattern(PatternDescr p, boolean topLevel, Scope scope) {
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                e.setExpression(substitute(e.getExpression(), scope));
                if (topLevel) {
                    bindings(e.getExpression(), p, scope);
                }
            }
        }
    }

    /** Records {@code $var : field.path} so that a comparison on {@code $var} can move into this pattern. */
    private static void bindings(String expression, PatternDescr p, Scope scope) {
        List<Token> t = tokens(expression);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.get(i).kind() == Kind.VAR && t.get(i + 1).is(":") && t.get(i + 2).kind() == Kind.IDENT) {
                StringBuilder path = new StringBuilder(t.get(i + 2).text());
                int j = i + 3;
                while (j + 1 < t.size() && t.get(j).is(".") && t.get(j + 1).kind() == Kind.IDENT) {
                    path.append('.').append(t.get(j + 1).text());
                    j += 2;
                }
                scope.fields.put(t.get(i).text(), new Bound(p, path.toString()));
            }
        }
    }

    /** The pattern's replacement (an eval), or null when nothing of it is left in its place. */
    private BaseDescr thresholdsPattern(PatternDescr p, AndDescr root, boolean topLevel, Scope scope) {
        if (p.getIdentifier() != null) {
            scope.thresholds.add(p.getIdentifier());
        }
        List<String> left = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            String condition = thresholdConstraint(((ExprConstraintDescr) c).getExpression(), scope);
            if (condition != null && !(topLevel && moved(condition, p, root, scope))) {
                left.add(condition);
            }
        }
        if (left.isEmpty()) {
            // A fact that is always there matches on its own: at top level the pattern adds nothing,
            // under not/exists/or it is 'true'.
            return topLevel ? null : eval("true", p);
        }
        return eval(left.size() == 1 ? left.get(0) : "(" + String.join(") && (", left) + ")", p);
    }

    /**
     * One constraint of a {@code Thresholds} pattern with its fields as values: the comparison it
     * leaves, or null when it only bound a threshold to a variable.
     */
    private String thresholdConstraint(String expression, Scope scope) {
        List<Token> t = tokens(expression);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean onlyBinding = true;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            boolean field = token.kind() == Kind.IDENT && values.containsKey(token.text())
                    && (i == 0 || !t.get(i - 1).is("."));
            if (token.kind() == Kind.VAR && i + 2 < t.size() && t.get(i + 1).is(":") && t.get(i + 2).kind() == Kind.IDENT
                    && values.containsKey(t.get(i + 2).text())) {
                scope.constants.put(token.text(), values.get(t.get(i + 2).text()));
                out.append(expression, copied, token.offset());
                copied = t.get(i + 2).offset();
                i++;
            } else if (field) {
                out.append(expression, copied, token.offset()).append(values.get(token.text()));
                copied = token.offset() + token.text().length();
            } else if (token.kind() != Kind.END) {
                onlyBinding = false;
            }
        }
        out.append(expression.substring(copied));
        if (onlyBinding) {
            return null;
        }
        return substitute(out.toString(), scope).strip();
    }

    /**
     * Moves a comparison into the rule's own top-level pattern that binds the last of its variables,
     * as a constraint on that pattern's fields. False when it has no such home.
     */
    private static boolean moved(String condition, PatternDescr from, AndDescr root, Scope scope) {
        List<Token> t = tokens(condition);
        Bound home = null;
        int homeAt = -1;
        for (Token token : t) {
            if (token.kind() == Kind.VAR) {
                Bound b = scope.fields.get(token.text());
                int at = b == null ? -1 : root.getDescrs().indexOf(b.pattern());
                if (at < 0) {
                    return false;
                }
                if (at > homeAt) {
                    home = b;
                    homeAt = at;
                }
            }
        }
        if (home == null) {
            return false;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token token : t) {
            Bound b = token.kind() == Kind.VAR ? scope.fields.get(token.text()) : null;
            if (b != null && b.pattern() == home.pattern()) {
                out.append(condition, copied, token.offset()).append(b.path());
                copied = token.offset() + token.text().length();
            }
        }
        out.append(condition.substring(copied));
        ExprConstraintDescr moved = new ExprConstraintDescr(out.toString());
        moved.setType(ExprConstraintDescr.Type.NAMED);
        moved.copyLocation(from);
        home.pattern().addConstraint(moved);
        return true;
    }

    /** Replaces threshold variables and threshold calls in a constraint or a consequence by their values. */
    String substitute(String text, Scope scope) {
        List<Token> t = tokens(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.kind() != Kind.VAR) {
                continue;
            }
            if (scope.constants.containsKey(token.text())) {
                out.append(text, copied, token.offset()).append(scope.constants.get(token.text()));
                copied = token.offset() + token.text().length();
            } else if (scope.thresholds.contains(token.text()) && i + 3 < t.size() && t.get(i + 1).is(".")
                    && t.get(i + 3).is("(")) {
                String method = t.get(i + 2).text();
                int close = closing(t, i + 3);
                String args = text.substring(t.get(i + 3).offset() + 1, t.get(close).offset());
                out.append(text, copied, token.offset()).append(call(method, substitute(args, scope).strip()));
                copied = t.get(close).offset() + 1;
                i = close;
            }
        }
        out.append(text.substring(copied));
        return out.toString();
    }

    private String call(String method, String args) {
        if (args.isEmpty() && values.containsKey(method)) {
            return values.get(method);
        }
        Call c = CALLS.get(method);
        if (c == null) {
            // The lint admits only the accessors FactVocabulary lists; one added to Thresholds needs its entry here.
            throw new IllegalStateException("threshold method " + method + " has no constant form in ThresholdConstants.CALLS");
        }
        List<String> all = new ArrayList<>();
        if (!args.isEmpty()) {
            all.add(args);
        }
        c.thresholds().forEach(name -> all.add(values.get(name)));
        return Thresholds.class.getName() + "." + c.staticMethod() + "(" + String.join(", ", all) + ")";
    }

    private static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(")) {
                depth++;
            } else if (t.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses in a linted rule");
    }

    private static EvalDescr eval(String condition, BaseDescr at) {
        EvalDescr e = new EvalDescr(condition);
        e.copyLocation(at);
        return e;
    }

    private static List<Token> tokens(String text) {
        DrlTokens d = DrlTokens.of(text);
        List<Token> out = new ArrayList<>();
        for (Token t = d.take(); ; t = d.take()) {
            out.add(t);
            if (t.kind() == Kind.END) {
                return out;
            }
        }
    }
}
