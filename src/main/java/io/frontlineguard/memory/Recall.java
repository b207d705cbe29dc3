package io.frontlineguard.memory;

import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Remembered;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Combines what a request reports with what memory holds, toward the safer side, and lists every
 * fact memory contributed or made stronger. The merge rule of each field (README "Case memory"):
 * police involvement the stronger; blocked and warned either; the flagging department the
 * request's, else the one that set the remembered flag; {@code openedAt} the earlier; contacts the
 * larger (remembered contacts plus this one); longest contact and severity the larger;
 * investigation complete either; company fault and management answer the request's unless it
 * leaves them at their default; the loss at stake the request's, else the one received last; call-backs demanded either; other departments, a handler or a
 * named employee seen before, from memory alone.
 */
public final class Recall {

    private final UnaryOperator<String> pseudonym;

    /** {@code pseudonym} turns an employee id into the key memory stores it under. */
    public Recall(UnaryOperator<String> pseudonym) {
        this.pseudonym = pseudonym;
    }

    public record Recalled(Incident incident, List<Remembered> remembered) {
    }

    public Recalled apply(Incident reported, Recollection memory) {
        return apply(reported, memory, null);
    }

    /**
     * Combines for the calling system {@code system}: of the facts it is lent, it sees the decision
     * ids of its own decisions only (null: of none), and who asserted each fact and when.
     */
    public Recalled apply(Incident reported, Recollection memory, String system) {
        List<Remembered> remembered = new ArrayList<>();
        Lent facts = new Lent(system, remembered);
        Caller caller = caller(reported.caller(), memory.caller(), facts);
        CaseMemory file = memory.caseFile();
        CaseHistory history = history(reported, file, facts);
        Handler handler = handler(reported.handler(), file, facts);
        List<Demand> demands = demands(reported.demands(), file, facts);
        return new Recalled(reported.withFacts(caller, demands, history, handler), List.copyOf(remembered));
    }

    /** Where lent facts are listed, as the requesting system may see them. */
    private record Lent(String system, List<Remembered> out) {

        void add(String name, Object value, Source source) {
            out.add(fact(name, value, source, system));
        }
    }

    private static Caller caller(Caller c, CallerMemory m, Lent out) {
        PoliceInvolvement police = c.policeInvolvement();
        // A person's correction outlasts a client that still reports what was corrected away.
        if (m.policeCorrected() != null && police != PoliceInvolvement.NONE && police.compareTo(m.policeCorrected()) <= 0) {
            police = m.police() == null ? PoliceInvolvement.NONE : m.police().value();
            out.add("caller.policeInvolvement", police.name(), m.police() == null ? null : m.police().source());
        }
        // A lift covers what was known when it was made: the request's stale block and police
        // involvement no stronger than the lift knew of. Anything beyond that is new.
        boolean lifted = m.blockLifted() && police.compareTo(m.lift().covers()) <= 0;
        if (m.police() != null && m.police().value().compareTo(police) > 0) {
            police = m.police().value();
            out.add("caller.policeInvolvement", police.name(), m.police().source());
        }
        boolean blocked = c.blocked();
        if (!blocked && m.blocked() != null) {
            blocked = true;
            out.add("caller.blocked", true, m.blocked());
        }
        boolean warned = c.warnedBefore() && !(m.warnedCorrected() && m.warned() == null);
        if (warned != c.warnedBefore()) {
            out.add("caller.warnedBefore", false, null);
        }
        if (!warned && m.warned() != null) {
            warned = true;
            out.add("caller.warnedBefore", true, m.warned());
        }
        String flaggedBy = c.flaggedByDepartment();
        Source flag = m.blocked() != null ? m.blocked() : m.police() == null || lifted ? null : m.police().source();
        if (flaggedBy == null && flag != null) {
            flaggedBy = flag.department();
            out.add("caller.flaggedByDepartment", flaggedBy, flag);
        }
        return new Caller(c.callerId(), c.kind(), c.keyAccount(), c.relationshipYears(), c.reachable(), c.identified(),
                police, blocked, flaggedBy, warned, lifted);
    }

    private static CaseHistory history(Incident reported, CaseMemory m, Lent out) {
        CaseHistory h = reported.caseHistory();
        OffsetDateTime openedAt = h.openedAt();
        if (m.openedAt() != null && m.openedAt().value().isBefore(openedAt)) {
            openedAt = m.openedAt().value();
            out.add("caseHistory.openedAt", openedAt.toString(), m.openedAt().source());
        }
        int contacts = h.contactCount();
        if (m.contacts() + 1 > contacts) {
            contacts = m.contacts() + 1;
            out.add("caseHistory.contactCount", contacts, m.openedAt() == null ? null : m.openedAt().source());
        }
        int longest = h.longestContactMinutes();
        if (m.longestContactMinutes() != null && m.longestContactMinutes().value() > longest) {
            longest = m.longestContactMinutes().value();
            out.add("caseHistory.longestContactMinutes", longest, m.longestContactMinutes().source());
        }
        CompanyFault fault = h.companyFault();
        if (fault == CompanyFault.UNKNOWN && m.companyFault() != null && m.companyFault().value() != CompanyFault.UNKNOWN) {
            fault = m.companyFault().value();
            out.add("caseHistory.companyFault", fault.name(), m.companyFault().source());
        }
        boolean investigated = h.investigationComplete();
        if (!investigated && m.investigationComplete() != null) {
            investigated = true;
            out.add("caseHistory.investigationComplete", true, m.investigationComplete());
        }
        ManagementAnswer answer = h.managementAnswer();
        if (answer == ManagementAnswer.NONE && m.managementAnswer() != null) {
            answer = m.managementAnswer().value();
            out.add("caseHistory.managementAnswer", answer.name(), m.managementAnswer().source());
        }
        // The loss at stake the request gives wins; without one, a money demand is weighed against the remembered one.
        Long damage = h.damageJpy();
        if (damage == null && m.damageJpy() != null) {
            damage = m.damageJpy().value();
            out.add("caseHistory.damageJpy", damage, m.damageJpy().source());
        }
        var severity = h.severity();
        if (m.severity() != null && m.severity().value().compareTo(severity) > 0) {
            severity = m.severity().value();
            out.add("caseHistory.severity", severity.name(), m.severity().source());
        }
        boolean callbacks = h.callbacksDemanded();
        if (!callbacks && m.callbacksDemanded() != null) {
            callbacks = true;
            out.add("caseHistory.callbacksDemanded", true, m.callbacksDemanded());
        }
        List<Map.Entry<String, Source>> others = m.departments().entrySet().stream()
                .filter(d -> !d.getKey().equals(reported.department()))
                .toList();
        // The map lists the latest departments by name and in order of receipt; the count knows them all.
        int otherCount = Math.max(others.size(),
                m.departmentCount() - (m.departments().containsKey(reported.department()) ? 1 : 0));
        if (otherCount > 0) {
            out.add("caseHistory.otherDepartments", otherCount, others.isEmpty() ? null : others.get(0).getValue());
        }
        long ageDays = Duration.between(openedAt.toInstant(), reported.occurredAt().toInstant()).toDays();
        return new CaseHistory(openedAt, ageDays, contacts, longest, fault, investigated, answer, severity,
                otherCount, callbacks, damage);
    }

    private Handler handler(Handler w, CaseMemory m, Lent out) {
        if (w.employeeId() == null) {
            return w;
        }
        String key = pseudonym.apply(w.employeeId());
        boolean targeted = w.targetOfAnger();
        if (!targeted && m.targetedStaff().containsKey(key)) {
            targeted = true;
            out.add("handler.targetOfAnger", true, m.targetedStaff().get(key));
        }
        boolean named = m.demandedStaff().containsKey(key);
        if (named) {
            out.add("handler.namedBefore", true, m.demandedStaff().get(key));
        }
        return new Handler(w.employeeId(), w.role(), targeted, named);
    }

    private List<Demand> demands(List<Demand> demands, CaseMemory m, Lent out) {
        if (m.demandedStaff().isEmpty()) {
            return demands;
        }
        List<Demand> merged = new ArrayList<>(demands.size());
        for (int i = 0; i < demands.size(); i++) {
            Demand d = demands.get(i);
            Source before = d.type() == DemandType.SPECIFIC_STAFF && d.employeeId() != null
                    ? m.demandedStaff().get(pseudonym.apply(d.employeeId())) : null;
            if (before != null) {
                out.add("demands[" + i + "].namedBefore", true, before);
                d = d.namedBefore(true);
            }
            merged.add(d);
        }
        return merged;
    }

    private static Remembered fact(String name, Object value, Source source, String system) {
        if (source == null) {
            return new Remembered(name, value, null, null, null);
        }
        boolean own = system == null || system.equals(source.assertedBy());
        return new Remembered(name, value, source.department(), own ? source.decisionId() : null, source.at(),
                source.assertedBy(), source.receivedAt());
    }
}
