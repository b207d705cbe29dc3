package io.frontlineguard.ruleset;

import java.util.List;
import java.util.Map;

/**
 * What the rule base says about one rule, read once from its metadata when the rules compile:
 * the lessons it implements, its reason in each supported language, and what its consequence can
 * give (read from the source, for the catalogue): action codes, and assessment answers as
 * {@code field=VALUE}; {@code japaneseName} is its name in Japanese ({@code @ja_name}), or null.
 */
public record RuleInfo(String name, String file, int line, List<String> lessons, Map<String, String> reasons,
                       List<String> emits, List<String> assesses, String japaneseName) {

    public RuleInfo {
        emits = List.copyOf(emits);
        assesses = List.copyOf(assesses);
    }

    /** A rule without a Japanese name ({@code @ja_name}). */
    public RuleInfo(String name, String file, int line, List<String> lessons, Map<String, String> reasons,
                    List<String> emits, List<String> assesses) {
        this(name, file, line, lessons, reasons, emits, assesses, null);
    }

    /** A rule whose emitted codes are not known (tests and callers that do not read sources). */
    public RuleInfo(String name, String file, int line, List<String> lessons, Map<String, String> reasons) {
        this(name, file, line, lessons, reasons, List.of(), List.of());
    }

    /** The rules in a stable order, each once: how every explanation lists them. */
    public static List<RuleInfo> ordered(List<RuleInfo> rules) {
        // Most actions and answers have one rule behind them: no stream, no sort (docs/benchmarks.md).
        if (rules.size() == 1) {
            return List.of(rules.get(0));
        }
        return rules.stream().distinct().sorted(java.util.Comparator.comparing(RuleInfo::name)).toList();
    }

    /** The names of these rules, in their order. */
    public static List<String> namesOf(List<RuleInfo> rules) {
        return rules.size() == 1 ? List.of(rules.get(0).name()) : rules.stream().map(RuleInfo::name).toList();
    }

    /** The lesson ids behind these rules, each once, sorted. */
    public static List<String> lessonsOf(List<RuleInfo> rules) {
        if (rules.size() == 1 && rules.get(0).lessons().size() == 1) {
            return rules.get(0).lessons();
        }
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        rules.forEach(r -> ids.addAll(r.lessons()));
        return List.copyOf(ids);
    }

    /**
     * A rule is its name within a rule set, which the compiler keeps unique; file and line tell two
     * rule sets' versions apart. Comparing those alone keeps resolution from hashing every reason
     * and lesson list (it showed in the profile of issue 11).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RuleInfo r && r.name.equals(name) && r.line == line && java.util.Objects.equals(r.file, file);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public String reason(String language) {
        String r = reasons.get(language);
        return r != null ? r : reasons.getOrDefault("en", name);
    }
}
