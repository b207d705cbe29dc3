package io.frontlineguard.memory;

/** An incident id that was recorded with another request: a retry must repeat the request unchanged. */
public class IncidentIdReusedException extends RuntimeException {

    private final String incidentId;
    private final String firstDecisionId;

    public IncidentIdReusedException(String incidentId, String firstDecisionId) {
        super(null, null, false, false);
        this.incidentId = incidentId;
        this.firstDecisionId = firstDecisionId;
    }

    public String incidentId() {
        return incidentId;
    }

    public String firstDecisionId() {
        return firstDecisionId;
    }
}
