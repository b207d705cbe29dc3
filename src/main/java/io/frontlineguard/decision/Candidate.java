package io.frontlineguard.decision;

import java.util.Map;

/** One action one rule proposed, before resolution. Params hold canonical values only. */
public record Candidate(ActionCode code, Map<String, Object> params, RuleInfo rule) {
}
