package io.frontlineguard.ruleset;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code $variables} one rule has bound so far, with the type each stands for when that is a
 * fact (null for a bound field value). A rule that {@code extends} another starts from its parent's.
 */
final class RuleScope {

    private final Map<String, Class<?>> vars;

    RuleScope() {
        this.vars = new HashMap<>();
    }

    RuleScope(RuleScope parent) {
        this.vars = new HashMap<>(parent.vars);
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
