package io.frontlineguard.ruleset;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * A rules folder that passed the sandbox lint, as the parser's descriptors. Only
 * {@link RuleLinter} can make one, and {@link RuleSetCompiler} compiles nothing else: the
 * compiler is handed the very descriptors that were checked, so no file is parsed twice and
 * nothing in a file that failed the lint ever reaches code generation.
 */
public final class ParsedRules {

    /**
     * Where one rule stands, which action codes its consequence emits, which assessment answers it
     * gives and which judgement fields its conditions read.
     */
    public record RuleText(String name, String file, int line, List<String> emits, List<String> assesses,
                           List<String> reads) {

        public RuleText(String name, String file, int line, List<String> emits, List<String> assesses) {
            this(name, file, line, emits, assesses, List.of());
        }
    }

    private final RuleSources sources;
    private final SortedMap<String, PackageDescr> packages;
    private final Map<String, RuleText> rules;
    private final JudgementStages stages;

    ParsedRules(RuleSources sources, SortedMap<String, PackageDescr> packages, Map<String, RuleText> rules,
                JudgementStages stages) {
        this.sources = sources;
        this.packages = packages;
        this.rules = Map.copyOf(rules);
        this.stages = stages;
    }

    /** The stage each rule fires in, so that it reads only judgement answers already final. */
    public JudgementStages stages() {
        return stages;
    }

    public RuleSources sources() {
        return sources;
    }

    private boolean compiled;

    /**
     * The descriptors for the one compilation they are admitted for: the compiler writes into them
     * (each rule's stage, the thresholds as constants), so a second compilation of the same
     * descriptors would start from the first one's output. Lint the folder again instead.
     */
    synchronized SortedMap<String, PackageDescr> forCompiling() {
        if (compiled) {
            throw new IllegalStateException("these rules were already compiled once; lint the folder again to compile it again");
        }
        compiled = true;
        return packages;
    }

    public Map<String, RuleText> rules() {
        return rules;
    }
}
