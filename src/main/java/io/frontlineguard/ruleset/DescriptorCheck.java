package io.frontlineguard.ruleset;

import io.frontlineguard.ruleset.RuleLinter.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks one parsed rule file against the allow-list: package, imports, the one global, and for
 * each rule its annotations (string literals only), its conditions (facts, no sources, the
 * constraint grammar) and its consequence (the emit grammar). Everything not named here is refused.
 */
final class DescriptorCheck {

    static final String GLOBAL_TYPE = "io.frontlineguard.decision.ActionSink";
    static final List<String> ANNOTATIONS = List.of("lesson", "en", "ja");
    /** The rule's name in Japanese, for the console's Japanese readers: optional, so a rule folder without it still compiles. */
    static final List<String> OPTIONAL_ANNOTATIONS = List.of("ja_name");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    /** Generated classes live in the rule's package; none may join the JDK's, the engine's or ours. */
    private static final Pattern RESERVED = Pattern.compile("(java|javax|jdk|sun|com\\.sun|org\\.drools|org\\.kie|org\\.mvel2|io\\.quarkus|io\\.frontlineguard)(\\..*)?");
    /** A string literal and nothing else: what MVEL evaluates when it reads an annotation is then only that string. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n\\r]|\\\\[\"\\\\])*\"");

    /**
     * Demand patterns in one rule, its parent's included. Demand is the one fact of which an incident
     * has many (up to 50), so a rule's matches grow as 50 to the power of this count; every other
     * fact is one per incident. Two keeps a rule's worst case at 2,500 matches (rules/README.md, "Why
     * an evaluation always ends"); the built-in rules use one, a rule that compares two demands two.
     * The branches of an {@code or} are alternatives (the engine makes a rule of each), so the widest counts.
     */
    static final int MAX_DEMAND_PATTERNS = 2;

    private final LessonCatalogue lessons;
    private final Map<String, Integer> demandPatterns = new HashMap<>();
    private final Map<String, ParsedRules.RuleText> rules;
    private final Map<String, RuleScope> scopes = new HashMap<>();
    private final FactVocabulary vocabulary = FactVocabulary.get();

    DescriptorCheck(LessonCatalogue lessons, Map<String, ParsedRules.RuleText> rules) {
        this.lessons = lessons;
        this.rules = rules;
    }

    void file(SourceFile f, PackageDescr p) {
        if (p.getName() == null || !PACKAGE.matcher(p.getName()).matches() || RESERVED.matcher(p.getName()).matches()) {
            f.problem(0, "package '" + p.getName() + "' is not allowed; use lower-case words outside the JDK's, the"
                    + " engine's and the service's packages, e.g. frontlineguard.visits");
        }
        for (ImportDescr i : p.getImports()) {
            if (!vocabulary.importAllowed(i.getTarget())) {
                f.problem(at(f, i), "import of " + i.getTarget() + " is not allowed; rules import only"
                        + " io.frontlineguard.incident.*, io.frontlineguard.ruleset.Thresholds and io.frontlineguard.assessment.*");
            }
        }
        for (GlobalDescr g : p.getGlobals()) {
            if (!g.getType().equals(GLOBAL_TYPE) || !g.getIdentifier().equals("actions")) {
                f.problem(at(f, g), "the only global is '" + GLOBAL_TYPE + " actions'");
            }
        }
        refuse(f, p.getFunctionImports(), "'import static' and 'import function' are not allowed: a consequence only emits actions");
        refuse(f, p.getAccumulateImports(), "'import accumulate' is not allowed: rules use no accumulate functions");
        refuse(f, p.getFunctions(), "functions are not allowed: a consequence only emits actions");
        refuse(f, p.getTypeDeclarations(), "'declare' is not allowed: rules match the contract's facts as they are");
        refuse(f, p.getEnumDeclarations(), "'declare enum' is not allowed: rules use the contract's enums");
        refuse(f, List.copyOf(p.getEntryPointDeclarations()), "entry points are not allowed: facts come only from the incident");
        refuse(f, List.copyOf(p.getWindowDeclarations()), "windows are not allowed: a decision sees one incident");
        refuse(f, p.getAttributes(), "package attributes (dialect, salience, …) are not allowed: rules keep the defaults");
        if (p.getUnit() != null) {
            f.problem(at(f, p.getUnit()), "rule units are not allowed");
        }
        p.getRules().forEach(r -> rule(f, r));
    }

    private void rule(SourceFile f, RuleDescr r) {
        int start = at(f, r);
        if (r instanceof QueryDescr || r.isQuery()) {
            f.problem(start, "queries are not allowed: the folder holds rules that propose actions");
            return;
        }
        ParsedRules.RuleText earlier = rules.get(r.getName());
        if (earlier != null) {
            f.problem(start, "rule \"" + r.getName() + "\" is already defined at " + earlier.file() + ":" + earlier.line());
        }
        r.getAttributes().forEach((name, a) -> f.problem(a.getLine() > 0 ? at(f, a) : start, "rule attribute '" + name
                + "' is not allowed: rules do not order or switch themselves; the resolution step chooses between their actions"));
        if (!r.getNamedConsequences().isEmpty()) {
            f.problem(start, "named consequences (then[…], do[…]) are not allowed: a rule has one consequence");
        }
        annotations(f, r, start);
        RuleScope scope = r.getParentName() == null ? new RuleScope()
                : new RuleScope(scopes.getOrDefault(r.getParentName(), new RuleScope()));
        conditions(f, r.getLhs(), scope);
        scopes.put(r.getName(), scope);
        int demands = demandPatterns(r.getLhs()) + (r.getParentName() == null ? 0 : demandPatterns.getOrDefault(r.getParentName(), 0));
        demandPatterns.put(r.getName(), demands);
        if (demands > MAX_DEMAND_PATTERNS) {
            f.problem(start, "rule \"" + r.getName() + "\" matches " + demands + " Demand patterns"
                    + (r.getParentName() == null ? "" : " with its parent's") + "; at most " + MAX_DEMAND_PATTERNS
                    + ", so that its matches stay bounded (an incident has up to 50 demands)");
        }
        ConsequenceGrammar.Consequence gives = consequence(f, r, start, scope);
        rules.putIfAbsent(r.getName(), new ParsedRules.RuleText(r.getName(), f.file(), f.text().line(start), gives.codes(),
                gives.assessments(), scope.reads()));
    }

    private void annotations(SourceFile f, RuleDescr r, int start) {
        for (AnnotationDescr a : r.getAnnotations()) {
            int pos = annotationOffset(f, start, a.getName());
            if (!ANNOTATIONS.contains(a.getName()) && !OPTIONAL_ANNOTATIONS.contains(a.getName())) {
                f.problem(pos, "annotation @" + a.getName() + " is not allowed; a rule carries @lesson, @en and @ja, and may carry @ja_name");
                continue;
            }
            Map<String, Object> values = a.getValueMap();
            Object value = values.get("value");
            if (values.size() != 1 || !(value instanceof String s) || !LITERAL.matcher(s.strip()).matches()) {
                f.problem(pos, "@" + a.getName() + " takes one string literal, e.g. @" + a.getName() + "(\"…\"); nothing in it is evaluated");
            }
        }
        for (String name : ANNOTATIONS) {
            if (r.getAnnotation(name) == null) {
                f.problem(start, name.equals("lesson") ? "rule names no lesson: add @lesson(\"L…\")"
                        : "rule has no reason in '" + name + "': add @" + name + "(\"…\")");
            }
        }
        AnnotationDescr lesson = r.getAnnotation("lesson");
        if (lesson != null && lesson.getSingleValueAsString() != null) {
            String ids = lesson.getSingleValueAsString().replaceAll("^\\s*\"|\"\\s*$", "");
            for (String id : ids.split(",")) {
                if (!id.isBlank() && !lessons.knows(id.strip())) {
                    f.problem(annotationOffset(f, start, "lesson"), "lesson '" + id.strip() + "' is not in " + LessonCatalogue.FILE);
                }
            }
        }
    }

    /** Demand patterns one match of the conditions joins: summed under and, not and exists; the widest branch of an or. */
    private static int demandPatterns(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            return "Demand".equals(p.getObjectType()) || p.getObjectType().endsWith(".Demand") ? 1 : 0;
        }
        int n = 0;
        if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                n = d instanceof OrDescr ? Math.max(n, demandPatterns(child)) : n + demandPatterns(child);
            }
        }
        return n;
    }

    private void conditions(SourceFile f, BaseDescr d, RuleScope scope) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                conditions(f, child, scope);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(f, p, scope);
        } else if (d != null) {
            String kind = d.getClass().getSimpleName().replace("Descr", "").toLowerCase();
            f.problem(at(f, d), "'" + kind + "' is not allowed in a condition: conditions are patterns over the"
                    + " incident's facts, joined by and, or, not and exists");
        }
    }

    private void pattern(SourceFile f, PatternDescr p, RuleScope scope) {
        int pos = at(f, p);
        var fact = vocabulary.fact(p.getObjectType());
        if (fact.isEmpty()) {
            f.problem(pos, "'" + p.getObjectType() + "' is not a fact" + ConstraintGrammar.suggestion(p.getObjectType(),
                    vocabulary.factNames()) + "; facts: " + String.join(", ", vocabulary.factNames()));
            return;
        }
        if (p.getSource() != null) {
            f.problem(pos, "'from', 'collect' and 'accumulate' are not allowed: a pattern matches the facts of the incident");
        }
        if (!p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty() || p.isQuery() || p.isUnification()) {
            f.problem(pos, "pattern annotations, windows, unification and query calls are not allowed");
        }
        if (p.getIdentifier() != null) {
            if (!p.getIdentifier().startsWith("$")) {
                f.problem(pos, "a binding is a $name, e.g. $t : Thresholds()");
            }
            scope.bind(p.getIdentifier(), fact.get());
        }
        int namedBefore = scope.namings();
        int problemsBefore = f.problems().size();
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                f.problem(at(f, c), "positional constraints are not allowed; name the field, e.g. type == DemandType.VISIT");
                continue;
            }
            int offset = exact(f, at(f, e), e.getExpression());
            try {
                ConstraintGrammar.check(e.getExpression(), fact.get(), scope);
            } catch (Refusal refusal) {
                f.problem(offset + refusal.offset, refusal.getMessage());
            }
        }
        // A judgement pattern that names no field would match from the first stage on and tie the
        // rule to no answer: the stages could not place it.
        if (FactVocabulary.isJudgement(fact.get()) && scope.namings() == namedBefore && f.problems().size() == problemsBefore) {
            f.problem(pos, "a Judgement pattern names the answer it reads, e.g. Judgement(handling == Handling.POLICE)");
        }
    }

    private ConsequenceGrammar.Consequence consequence(SourceFile f, RuleDescr r, int start, RuleScope scope) {
        String rhs = r.getConsequence() instanceof String s ? s : "";
        int found = f.text().original().indexOf(rhs, start);
        int offset = found >= 0 ? found : f.text().offset(r.getConsequenceLine(), r.getConsequencePattern());
        try {
            return ConsequenceGrammar.check(rhs, scope);
        } catch (Refusal refusal) {
            f.problem(offset + refusal.offset, refusal.getMessage());
            return new ConsequenceGrammar.Consequence(List.of(), List.of());
        }
    }

    /** The descriptor's offset when the parser gave one; the start of the file otherwise. */
    private static int at(SourceFile f, BaseDescr d) {
        return d.getLine() > 0 ? f.text().offset(d.getLine(), d.getColumn()) : 0;
    }

    /** The parser keeps an expression's text verbatim; fall back to the descriptor's position if it did not. */
    private static int exact(SourceFile f, int offset, String text) {
        if (f.text().original().startsWith(text, offset)) {
            return offset;
        }
        int found = f.text().original().indexOf(text, offset);
        return found >= 0 ? found : offset;
    }

    private static int annotationOffset(SourceFile f, int ruleStart, String name) {
        java.util.regex.Matcher m = Pattern.compile("@" + Pattern.quote(name) + "\\b").matcher(f.text().code());
        return m.find(ruleStart) ? m.start() : ruleStart;
    }

    private static void refuse(SourceFile f, List<? extends BaseDescr> found, String why) {
        found.forEach(d -> f.problem(at(f, d), why));
    }
}
