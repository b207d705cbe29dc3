package io.frontlineguard.incident;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One validated incident with every default applied. Only {@code IncidentReader} builds these
 * from client input, so the rules never see a missing or unknown value. {@code contactMinutes} is
 * this contact's length so far; the case's {@code longestContactMinutes} already counts it.
 */
public record Incident(
        String incidentId,
        OffsetDateTime occurredAt,
        Channel channel,
        String department,
        Caller caller,
        List<Conduct> conduct,
        List<Demand> demands,
        CaseHistory caseHistory,
        Handler handler,
        String caseId,
        int contactMinutes) {

    public Incident {
        conduct = List.copyOf(conduct);
        demands = List.copyOf(demands);
    }

    /** An incident whose contact length was not reported. */
    public Incident(String incidentId, OffsetDateTime occurredAt, Channel channel, String department, Caller caller,
                    List<Conduct> conduct, List<Demand> demands, CaseHistory caseHistory, Handler handler, String caseId) {
        this(incidentId, occurredAt, channel, department, caller, conduct, demands, caseHistory, handler, caseId, 0);
    }

    /** An incident that names no case. */
    public Incident(String incidentId, OffsetDateTime occurredAt, Channel channel, String department, Caller caller,
                    List<Conduct> conduct, List<Demand> demands, CaseHistory caseHistory, Handler handler) {
        this(incidentId, occurredAt, channel, department, caller, conduct, demands, caseHistory, handler, null);
    }

    /**
     * The incident with facts case memory completed. A completed case that gives no damage at stake
     * keeps the request's figure: the request's own value wins over memory's, and a completion
     * that does not speak of the damage must not drop it.
     */
    public Incident withFacts(Caller caller, List<Demand> demands, CaseHistory caseHistory, Handler handler) {
        if (caseHistory.damageJpy() == null && this.caseHistory.damageJpy() != null) {
            caseHistory = caseHistory.withDamageJpy(this.caseHistory.damageJpy());
        }
        return new Incident(incidentId, occurredAt, channel, department, caller, conduct, demands, caseHistory, handler,
                caseId, contactMinutes);
    }
}
