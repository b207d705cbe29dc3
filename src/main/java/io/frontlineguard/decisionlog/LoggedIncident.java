package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CallerKind;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.Place;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Role;
import io.frontlineguard.incident.Severity;
import java.time.OffsetDateTime;

/**
 * Reads a decision log entry's {@code request} back into the facts the rules saw, so that a logged
 * decision is replayed exactly ({@code guard diff} on the log file): every value is taken as logged,
 * the derived and remembered ones included, and nothing is looked up again. Personal ids stay the
 * pseudonyms the log holds; rules only compare them with each other.
 */
public final class LoggedIncident {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private LoggedIncident() {
    }

    /** Whether a JSON line is a decision log entry rather than a request. */
    public static boolean isLogEntry(JsonNode line) {
        return line.has("decisionId") && line.has("request") && line.has("rulesetVersion");
    }

    public static Incident read(JsonNode entry) {
        LoggedRequest r;
        try {
            r = JSON.treeToValue(entry.get("request"), LoggedRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a logged request: " + e.getOriginalMessage(), e);
        }
        var c = r.caller();
        var h = r.caseHistory();
        var w = r.handler();
        return new Incident(r.incidentId(), time(r.occurredAt()), Channel.valueOf(r.channel()), r.department(),
                new Caller(c.callerId(), CallerKind.valueOf(c.kind()), c.keyAccount(), c.relationshipYears(), c.reachable(),
                        c.identified(), PoliceInvolvement.valueOf(c.policeInvolvement()), c.blocked(),
                        c.flaggedByDepartment(), c.warnedBefore(), Boolean.TRUE.equals(c.blockLifted())),
                r.conduct().stream().map(Conduct::valueOf).toList(),
                r.demands().stream().map(LoggedIncident::demand).toList(),
                new CaseHistory(time(h.openedAt()), h.ageDays(), h.contactCount(), h.longestContactMinutes(),
                        CompanyFault.valueOf(h.companyFault()), h.investigationComplete(),
                        ManagementAnswer.valueOf(h.managementAnswer()), Severity.valueOf(h.severity()),
                        h.otherDepartments(), h.callbacksDemanded(), h.damageJpy()),
                new Handler(w.employeeId(), Role.valueOf(w.role()), w.targetOfAnger(), w.namedBefore()), r.caseId(),
                r.contactMinutes());
    }

    private static Demand demand(LoggedRequest.LoggedDemand d) {
        return new Demand(DemandType.valueOf(d.type()), Boolean.TRUE.equals(d.immediate()), Boolean.TRUE.equals(d.reasonGiven()),
                d.requestedFor() == null ? null : time(d.requestedFor()), d.place() == null ? null : Place.valueOf(d.place()),
                d.distanceKm(), d.employeeId(), d.amountJpy(), d.intervalDays(), d.visitHour() == null ? -1 : d.visitHour(),
                Boolean.TRUE.equals(d.namedBefore()));
    }

    private static OffsetDateTime time(String text) {
        return OffsetDateTime.parse(text);
    }
}
