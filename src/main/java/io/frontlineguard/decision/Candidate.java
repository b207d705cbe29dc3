package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.Map;

/** One action one rule proposed, before resolution. Params hold canonical values only. */
public record Candidate(ActionCode code, Map<String, Object> params, RuleInfo rule) {
}
