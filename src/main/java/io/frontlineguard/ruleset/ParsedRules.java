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

    /** Where one rule stands, which action codes its consequence emits and which assessment answers it gives. */
    public record RuleText(String name, String file, int line, List<String> emits, List<String> assesses) {
    }

    private final RuleSources sources;
    private final SortedMap<String, PackageDescr> packages;
    private final Map<String, RuleText> rules;

    ParsedRules(RuleSources sources, SortedMap<String, PackageDescr> packages, Map<String, RuleText> rules) {
        this.sources = sources;
        this.packages = packages;
        this.rules = Map.copyOf(rules);
    }

    public RuleSources sources() {
        return sources;
    }

    SortedMap<String, PackageDescr> packages() {
        return packages;
    }

    public Map<String, RuleText> rules() {
        return rules;
    }
}
