package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Decision;
import java.util.List;

/** The answer to {@code POST /v1/decisions} (wire format v1; field names fixed by the contract). */
@JsonPropertyOrder({"decisionId", "incidentId", "rulesetVersion", "language", "actions", "overridden", "assessment",
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
