package io.frontlineguard.ruleset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code $variables} one rule has bound so far, with the type each stands for when that is a
 * fact (null for a bound field value), and the judgement fields its conditions read. A rule that
 * {@code extends} another starts from its parent's: it matches the parent's conditions too.
 */
final class RuleScope {

    private final Map<String, Class<?>> vars;
    private final TreeSet<String> reads;
    private int namings;

    RuleScope() {
        this.vars = new HashMap<>();
        this.reads = new TreeSet<>();
    }

    RuleScope(RuleScope parent) {
        this.vars = new HashMap<>(parent.vars);
        this.reads = new TreeSet<>(parent.reads);
    }

    /** A field of the {@code Judgement} fact the conditions name, e.g. {@code handling}. */
    void read(String judgementField) {
        reads.add(judgementField);
        namings++;
    }

    /** How many times the conditions named a judgement field so far, repeats included. */
    int namings() {
        return namings;
    }

    /** The judgement fields read so far, sorted. */
    List<String> reads() {
        return List.copyOf(reads);
    }

    void bind(String var, Class<?> type) {
        vars.put(var, type);
    }

    boolean isThresholds(String var) {
        return vars.get(var) == Thresholds.class;
    }

    boolean knows(String var) {
        return vars.containsKey(var);
    }
}
