package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The request as the decision log writes it (schema LoggedRequest): the incident with every default
 * applied and the values the rules derived from it, exactly what the rules saw, with each personal
 * identifier replaced by its keyed pseudonym. Built from the domain record field by field, so a
 * change to the record cannot change the log format unnoticed.
 */
public record LoggedRequest(String incidentId, String caseId, String occurredAt, String channel, String department,
                            LoggedCaller caller, List<String> conduct, List<LoggedDemand> demands,
                            LoggedCaseHistory caseHistory, LoggedHandler handler, int contactMinutes) {

    public record LoggedCaller(String callerId, String kind, boolean keyAccount, double relationshipYears,
                               boolean reachable, boolean identified, String policeInvolvement, boolean blocked,
                               String flaggedByDepartment, boolean warnedBefore,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Boolean blockLifted) {
    }

    /** {@code ageDays} is derived from openedAt and occurredAt; the last two come from case memory; {@code damageJpy} only when given. */
    public record LoggedCaseHistory(String openedAt, long ageDays, int contactCount, int longestContactMinutes,
                                    String companyFault, boolean investigationComplete, String managementAnswer,
                                    String severity, @JsonInclude(JsonInclude.Include.NON_NULL) Long damageJpy,
                                    int otherDepartments, boolean callbacksDemanded) {
    }

    public record LoggedHandler(String employeeId, String role, boolean targetOfAnger, boolean namedBefore) {
    }

    /** Only the fields of the demand's type; {@code visitHour} is derived, for visits only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoggedDemand(String type, Boolean immediate, Boolean reasonGiven, String requestedFor, String place,
                               Double distanceKm, String employeeId, Long amountJpy, Integer intervalDays,
                               Integer visitHour, Boolean namedBefore) {
    }

    /** The contract's form, seconds always written, as the request gave them. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    static LoggedRequest of(Incident i, PersonalIdMasker masker) {
        Caller c = i.caller();
        CaseHistory h = i.caseHistory();
        Handler w = i.handler();
        return new LoggedRequest(i.incidentId(), i.caseId(), TIME.format(i.occurredAt()), i.channel().name(), i.department(),
                new LoggedCaller(mask(masker, c.callerId()), c.kind().name(), c.keyAccount(), c.relationshipYears(),
                        c.reachable(), c.identified(), c.policeInvolvement().name(), c.blocked(), c.flaggedByDepartment(),
                        c.warnedBefore(), c.blockLifted() ? Boolean.TRUE : null),
                i.conduct().stream().map(Enum::name).toList(),
                i.demands().stream().map(d -> demand(d, masker)).toList(),
                new LoggedCaseHistory(TIME.format(h.openedAt()), h.ageDays(), h.contactCount(), h.longestContactMinutes(),
                        h.companyFault().name(), h.investigationComplete(), h.managementAnswer().name(), h.severity().name(),
                        h.damageJpy(), h.otherDepartments(), h.callbacksDemanded()),
                new LoggedHandler(mask(masker, w.employeeId()), w.role().name(), w.targetOfAnger(), w.namedBefore()),
                i.contactMinutes());
    }

    private static LoggedDemand demand(Demand d, PersonalIdMasker masker) {
        boolean visit = d.type() == DemandType.VISIT;
        return new LoggedDemand(d.type().name(), visit ? d.immediate() : null, visit ? d.reasonGiven() : null,
                d.requestedFor() == null ? null : TIME.format(d.requestedFor()), d.place() == null ? null : d.place().name(),
                d.distanceKm(), mask(masker, d.employeeId()), d.amountJpy(), d.intervalDays(), visit ? d.visitHour() : null,
                d.employeeId() == null ? null : d.namedBefore());
    }

    private static String mask(PersonalIdMasker masker, String id) {
        return id == null ? null : masker.mask(id);
    }
}
