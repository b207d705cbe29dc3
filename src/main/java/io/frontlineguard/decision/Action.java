package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A resolved action: what the company does, with every rule that led to it. */
public record Action(ActionCode code, Map<String, Object> params, List<RuleInfo> rules) {

    public Action {
        rules = RuleInfo.ordered(rules);
    }

    public List<String> ruleNames() {
        return RuleInfo.namesOf(rules);
    }

    public List<String> lessons() {
        return RuleInfo.lessonsOf(rules);
    }

    public String reason(String language) {
        if (rules.size() == 1) {
            return rules.get(0).reason(language); // the common case, without a stream per action
        }
        return rules.stream().map(r -> r.reason(language)).distinct().collect(Collectors.joining(" "));
    }

    /** Stable order for responses: the contract's code order, then the params. */
    static final Comparator<Action> ORDER =
            Comparator.comparing(Action::code).thenComparing(a -> a.params().toString());
}
