package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleInfo;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One part of the assessment: its value and the rules that gave it. An answer no rule gave has no
 * rules: it is the field's answer when nothing was found.
 */
public record Answer(String value, List<RuleInfo> rules) {

    public Answer {
        rules = rules.stream().distinct().sorted(Comparator.comparing(RuleInfo::name)).toList();
    }

    public List<String> ruleNames() {
        return rules.stream().map(RuleInfo::name).toList();
    }

    public List<String> lessons() {
        TreeSet<String> ids = new TreeSet<>();
        rules.forEach(r -> ids.addAll(r.lessons()));
        return List.copyOf(ids);
    }
}
