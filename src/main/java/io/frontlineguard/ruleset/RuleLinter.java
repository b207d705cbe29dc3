package io.frontlineguard.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The rule sandbox. DRL is code: Drools evaluates annotation values and field defaults while it
 * compiles and turns consequences into Java. So a rule file is only ever parsed (the parser
 * evaluates nothing), and its descriptors are checked against an allow-list, the language in
 * rules/README.md; only a folder with no problem at all comes back as {@link ParsedRules}, the
 * one input the compiler takes. Raw text is checked first for what Java or MVEL would read
 * differently from the parser: unicode escapes, stray backslashes, non-ASCII outside strings.
 */
public final class RuleLinter {

    /**
     * Rules in one folder. With {@link DescriptorCheck#MAX_DEMAND_PATTERNS} this bounds what one
     * evaluation can cost (rules/README.md, "Why an evaluation always ends"); the built-in folder has 88.
     */
    public static final int MAX_RULES = 400;

    private final LessonCatalogue lessons;

    public RuleLinter(LessonCatalogue lessons) {
        this.lessons = lessons;
    }

    /** The outcome of linting a folder: every problem, and the admitted rules when there is none. */
    public record Admission(List<RuleProblem> problems, ParsedRules rules) {
        public boolean admitted() {
            return rules != null;
        }
    }

    public List<RuleProblem> lint(RuleSources sources) {
        return admit(sources).problems();
    }

    public Admission admit(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        SortedMap<String, PackageDescr> packages = new TreeMap<>();
        Map<String, ParsedRules.RuleText> rules = new LinkedHashMap<>();
        DescriptorCheck check = new DescriptorCheck(lessons, rules);
        sources.drl().forEach((file, text) -> {
            SourceFile source = new SourceFile(file, new DrlText(text), problems);
            int before = problems.size();
            rawText(source);
            PackageDescr descr = parse(source);
            if (descr != null && problems.size() == before) {
                check.file(source, descr);
                packages.put(file, descr);
            }
        });
        if (rules.size() > MAX_RULES) {
            String last = rules.values().stream().map(ParsedRules.RuleText::file).max(Comparator.naturalOrder()).orElse("");
            problems.add(RuleProblem.error(last, 1, 1, "the folder holds " + rules.size() + " rules; at most " + MAX_RULES
                    + ", so that one evaluation's cost stays bounded"));
        }
        JudgementStages stages = problems.isEmpty() ? JudgementStages.of(rules, problems) : null;
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return new Admission(List.copyOf(problems), problems.isEmpty() ? new ParsedRules(sources, packages, rules, stages) : null);
    }

    /**
     * javac decodes {@code \}{@code uXXXX} anywhere, comments and strings included, before it
     * tokenises, so an escape can close a string or end a comment that every other check saw as
     * harmless. Outside strings and comments the language is plain ASCII.
     */
    private static void rawText(SourceFile source) {
        String original = source.text().original();
        for (int i = original.indexOf('\\'); i >= 0; i = original.indexOf('\\', i + 1)) {
            if (i + 1 < original.length() && original.charAt(i + 1) == 'u') {
                source.problem(i, "unicode escapes (\\u…) are not allowed anywhere in a rule file: write the character itself");
                return;
            }
        }
        String code = source.text().code();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean plain = (c >= 0x20 && c < 0x7f && c != '\\') || c == '\n' || c == '\r' || c == '\t';
            if (!plain) {
                source.problem(i, "character U+" + String.format("%04X", (int) c) + " is not allowed outside strings"
                        + " and comments; rule code is plain ASCII");
                return;
            }
        }
    }

    private static PackageDescr parse(SourceFile source) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(false, source.text().original());
            if (!parser.hasErrors() && descr != null) {
                return descr;
            }
            for (DroolsError e : parser.getErrors()) {
                int line = e instanceof ParserError p ? p.getRow() : 0;
                int col = e instanceof ParserError p ? p.getCol() + 1 : 0;
                // Located first: a message without a row still names its line in the raw text.
                RuleProblem at = RuleSetCompiler.located(source.file(), line, col, e.getMessage());
                source.problems().add(RuleProblem.error(at.file(), at.line(), at.column(), ParserMessages.plain(at.message())));
            }
            if (!parser.hasErrors()) {
                source.problem(0, "the file holds no rules the parser can read");
            }
        } catch (DroolsParserException e) {
            source.problem(0, "cannot be parsed: " + e.getMessage());
        }
        return null;
    }

    /** One rule file and where its problems go; positions are offsets into its text. */
    record SourceFile(String file, DrlText text, List<RuleProblem> problems) {
        void problem(int offset, String message) {
            problems.add(RuleProblem.error(file, text.line(offset), text.column(offset), message));
        }
    }
}
