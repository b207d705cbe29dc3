package io.frontlineguard.ruleset;

import io.frontlineguard.ruleset.RuleInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * An immutable, compiled rule base: what one decision runs against from start to end. A reload
 * builds a new one and swaps the reference, so no evaluation ever sees a mix of two.
 * {@code judgementStages} is how many stages follow the first ({@link JudgementStages}).
 */
public record RuleSet(
        String version,
        Path directory,
        KieBase kieBase,
        Map<String, RuleInfo> rules,
        Thresholds thresholds,
        Instant compiledAt,
        int judgementStages) {

    /** A rule set whose rules read no judgement: one stage. */
    public RuleSet(String version, Path directory, KieBase kieBase, Map<String, RuleInfo> rules, Thresholds thresholds,
                   Instant compiledAt) {
        this(version, directory, kieBase, rules, thresholds, compiledAt, 0);
    }
}
