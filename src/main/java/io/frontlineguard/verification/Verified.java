package io.frontlineguard.verification;

import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleSet;

/**
 * A rule set that passed lint, compilation and every scenario, with the coverage those scenarios
 * gave it and the lesson catalogue it cites: what the service keeps beside the rules it puts in
 * force, so it can say which rules a scenario protects and what each lesson says.
 */
public record Verified(RuleSet rules, Coverage coverage, LessonCatalogue lessons) {
}
