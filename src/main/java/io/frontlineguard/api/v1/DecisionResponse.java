package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Decision;
import java.util.List;

/**
 * The answer to {@code POST /v1/decisions} (wire format v1; field names fixed by the contract). The
 * assessment, whose handling says how the contact is handled, comes before the actions that follow
 * from it, so a client reading the answer in order meets the handling first.
 */
@JsonPropertyOrder({"decisionId", "incidentId", "rulesetVersion", "language", "assessment", "actions", "overridden",
        "memory", "remembered"})
public record DecisionResponse(String decisionId, String incidentId, String rulesetVersion, String language,
                               List<ActionView> actions, List<OverriddenView> overridden, AssessmentView assessment,
                               String memory, List<RememberedView> remembered) {

    public static DecisionResponse of(Decision d, String language) {
        return new DecisionResponse(d.decisionId(), d.incident().incidentId(), d.rulesetVersion(), language,
                d.resolution().actions().stream().map(a -> ActionView.of(a, language)).toList(),
                d.resolution().overridden().stream().map(o -> OverriddenView.of(o, language)).toList(),
                AssessmentView.of(d.resolution().assessment()), d.memory().name(),
                d.remembered().stream().map(RememberedView::of).toList());
    }
}
