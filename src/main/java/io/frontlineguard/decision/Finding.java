package io.frontlineguard.decision;

import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.ruleset.RuleInfo;

/** One answer one rule gave to one part of the assessment, before the strongest is chosen. */
public record Finding(AssessmentField field, String value, RuleInfo rule) {

    public Finding {
        if (field.strength(value) < 0) {
            throw new IllegalArgumentException(field.wireName() + " has no value " + value + "; values: " + field.answers());
        }
    }
}
