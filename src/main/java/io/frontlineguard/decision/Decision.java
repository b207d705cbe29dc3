package io.frontlineguard.decision;

import io.frontlineguard.incident.Incident;

/** One decision: its id (created before evaluation, so logs can carry it), what was asked and what was decided. */
public record Decision(String decisionId, Incident incident, String rulesetVersion, Evaluation evaluation) {

    public Resolution resolution() {
        return evaluation.resolution();
    }
}
