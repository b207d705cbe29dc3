package io.frontlineguard.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rule set in force, when it came into force, and which scenarios fired each of its rules
 * (an empty list: no scenario protects that rule). Swapped as one value, so a reader never pairs
 * one rule set with another's coverage.
 */
public record Activation(RuleSet rules, Instant activatedAt, Map<String, List<String>> scenariosByRule) {

    public Activation {
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        scenariosByRule.forEach((rule, scenarios) -> copy.put(rule, List.copyOf(scenarios)));
        scenariosByRule = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> scenariosFiring(String rule) {
        return scenariosByRule.getOrDefault(rule, List.of());
    }
}
