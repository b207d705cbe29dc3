package io.frontlineguard.verification;

import io.frontlineguard.ruleset.RuleSet;

/**
 * A rule set that passed lint, compilation and every scenario, with the coverage those scenarios
 * gave it: what the service keeps beside the rules it puts in force, so it can say which rules a
 * scenario protects.
 */
public record Verified(RuleSet rules, Coverage coverage) {
}
