package io.frontlineguard.memory;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What one decided incident adds to memory: what its request reported and what its decision
 * established (a block through BLOCK_CALLER, a warning through WARN_CALLER), in the same shape as
 * memory itself, so that recording is combining. Only the request's own facts are recorded, not
 * the ones memory lent it, so a fact keeps the source that first established it.
 */
public record Contribution(String callerKey, CallerMemory caller, String caseId, CaseMemory caseFile, Contact contact) {

    /** One contact on a case: each incident once, keyed by its incidentId (or, without one, its decision). */
    public record Contact(String incidentKey, String department, OffsetDateTime occurredAt, String decisionId) {
    }

    /** For tools and tests: asserted by "anonymous", received now, against an empty memory. */
    public static Contribution of(Incident reported, String decisionId, Set<ActionCode> decided,
                                  UnaryOperator<String> pseudonym) {
        return of(reported, decisionId, decided, pseudonym, "anonymous",
                OffsetDateTime.now(java.time.ZoneOffset.UTC), CallerMemory.NONE);
    }

    /**
     * What {@code system} asserted with one incident, received at {@code receivedAt}. A request's
     * {@code flaggedByDepartment} stays its own claim, asserted by {@code system}. Claims that
     * {@code known} shows people already settled (a lifted block, a corrected warning) are not
     * recorded again: only what the decision itself established is.
     */
    public static Contribution of(Incident reported, String decisionId, Set<ActionCode> decided,
                                  UnaryOperator<String> pseudonym, String system, OffsetDateTime receivedAt,
                                  CallerMemory known) {
        Source here = new Source(reported.department(), decisionId, reported.occurredAt(), system, receivedAt, null);
        var c = reported.caller();
        String callerKey = c.callerId() == null ? null : pseudonym.apply(c.callerId());
        CallerMemory caller = null;
        if (callerKey != null) {
            Source claimed = c.flaggedByDepartment() == null ? here : here.claiming(c.flaggedByDepartment());
            boolean blockedClaim = c.blocked() && !known.blockLifted();
            Source blocked = decided.contains(ActionCode.BLOCK_CALLER) ? here : blockedClaim ? claimed : null;
            boolean warnedClaim = c.warnedBefore() && !known.warnedCorrected();
            Source warned = warnedClaim || decided.contains(ActionCode.WARN_CALLER) ? here : null;
            Sourced<PoliceInvolvement> police = c.policeInvolvement() == PoliceInvolvement.NONE ? null
                    : Sourced.of(c.policeInvolvement(), here);
            caller = new CallerMemory(police, blocked, warned, Map.of(reported.department(), here));
        }
        CaseMemory caseFile = reported.caseId() == null ? null : caseFile(reported, here, pseudonym);
        String key = reported.incidentId() != null ? reported.incidentId() : "decision:" + decisionId;
        return new Contribution(callerKey, caller, reported.caseId(), caseFile,
                new Contact(key, reported.department(), reported.occurredAt(), decisionId));
    }

    private static CaseMemory caseFile(Incident reported, Source here, UnaryOperator<String> pseudonym) {
        CaseHistory h = reported.caseHistory();
        Map<String, Source> demanded = new HashMap<>();
        Map<String, Source> targeted = new HashMap<>();
        boolean callbacks = false;
        for (Demand d : reported.demands()) {
            callbacks |= d.type() == DemandType.PERIODIC_CALLBACK;
            if (d.employeeId() != null && d.type() == DemandType.SPECIFIC_STAFF) {
                demanded.put(pseudonym.apply(d.employeeId()), here);
            }
            // Whose own apology or whose punishment is demanded is whom the anger targets.
            if (d.employeeId() != null
                    && (d.type() == DemandType.APOLOGY_FROM_EMPLOYEE || d.type() == DemandType.EMPLOYEE_DISMISSAL)) {
                targeted.put(pseudonym.apply(d.employeeId()), here);
            }
        }
        if (reported.handler().targetOfAnger() && reported.handler().employeeId() != null) {
            targeted.put(pseudonym.apply(reported.handler().employeeId()), here);
        }
        return new CaseMemory(Sourced.of(h.openedAt(), here), 1,
                h.longestContactMinutes() > 0 ? Sourced.of(h.longestContactMinutes(), here) : null,
                h.companyFault() == CompanyFault.UNKNOWN ? null : Sourced.of(h.companyFault(), here),
                h.investigationComplete() ? here : null,
                h.managementAnswer() == ManagementAnswer.NONE ? null : Sourced.of(h.managementAnswer(), here),
                Sourced.of(h.severity(), here), callbacks ? here : null, Map.of(reported.department(), here),
                demanded, targeted).withDamageJpy(h.damageJpy() == null ? null : Sourced.of(h.damageJpy(), here));
    }
}
