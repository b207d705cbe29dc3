package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleInfo;
import java.util.List;

/**
 * One part of the assessment: its value and the rules that gave it. An answer no rule gave has no
 * rules: it is the field's answer when nothing was found.
 */
public record Answer(String value, List<RuleInfo> rules) {

    public Answer {
        rules = RuleInfo.ordered(rules);
    }

    public List<String> ruleNames() {
        return RuleInfo.namesOf(rules);
    }

    public List<String> lessons() {
        return RuleInfo.lessonsOf(rules);
    }
}
