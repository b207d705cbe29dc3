package io.frontlineguard.memory;

import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.Severity;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the company remembers about one case. {@code contacts} counts the distinct incidents
 * recorded on it; the staff maps are keyed by the employees' pseudonyms, never their ids.
 * {@code demandedStaff}: employees the caller demanded by name (SPECIFIC_STAFF);
 * {@code targetedStaff}: employees the anger targeted, or whose personal apology was demanded.
 * {@code damageJpy}: the loss our own investigation attributes to the complaint, as last asserted;
 * a money demand on any later contact of the case is weighed against it.
 */
public record CaseMemory(Sourced<OffsetDateTime> openedAt, int contacts, Sourced<Integer> longestContactMinutes,
                         Sourced<CompanyFault> companyFault, Source investigationComplete,
                         Sourced<ManagementAnswer> managementAnswer, Sourced<Severity> severity,
                         Source callbacksDemanded, Map<String, Source> departments,
                         Map<String, Source> demandedStaff, Map<String, Source> targetedStaff, int departmentCount,
                         Sourced<Long> damageJpy) {

    public static final CaseMemory NONE = new CaseMemory(null, 0, null, null, null, null, null, null, Map.of(),
            Map.of(), Map.of());

    public CaseMemory {
        departments = ordered(departments);
        demandedStaff = ordered(demandedStaff);
        targetedStaff = ordered(targetedStaff);
        departmentCount = Math.max(departmentCount, departments.size());
    }

    public CaseMemory(Sourced<OffsetDateTime> openedAt, int contacts, Sourced<Integer> longestContactMinutes,
                      Sourced<CompanyFault> companyFault, Source investigationComplete,
                      Sourced<ManagementAnswer> managementAnswer, Sourced<Severity> severity,
                      Source callbacksDemanded, Map<String, Source> departments,
                      Map<String, Source> demandedStaff, Map<String, Source> targetedStaff) {
        this(openedAt, contacts, longestContactMinutes, companyFault, investigationComplete, managementAnswer, severity,
                callbacksDemanded, departments, demandedStaff, targetedStaff, 0, null);
    }

    /** The same case with the loss at stake as one contact asserted it. */
    public CaseMemory withDamageJpy(Sourced<Long> damage) {
        return new CaseMemory(openedAt, contacts, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, callbacksDemanded, departments, demandedStaff, targetedStaff, departmentCount,
                damage);
    }

    private static Map<String, Source> ordered(Map<String, Source> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * This memory followed by {@code o}, received after it: the earliest opening, the longest
     * contact, the highest severity, a completed investigation or a call-back demand if either has
     * one, the union of departments and staff (the latest few by name, all of them counted); of two
     * findings on the company's fault, two management answers or two losses at stake, the one
     * received later, because an investigation or an answer can change. {@code contacts} adds up: the store folds one
     * contribution per recorded incident.
     */
    public CaseMemory combine(CaseMemory o) {
        return new CaseMemory(Facts.larger(openedAt, o.openedAt, Comparator.<OffsetDateTime>naturalOrder().reversed()),
                contacts + o.contacts, Facts.larger(longestContactMinutes, o.longestContactMinutes,
                        Comparator.<Integer>naturalOrder()),
                Facts.latest(companyFault, o.companyFault), Source.earlier(investigationComplete, o.investigationComplete),
                Facts.latest(managementAnswer, o.managementAnswer),
                Facts.larger(severity, o.severity, Comparator.<Severity>naturalOrder()),
                Source.earlier(callbacksDemanded, o.callbacksDemanded), Facts.union(departments, o.departments),
                Facts.union(demandedStaff, o.demandedStaff), Facts.union(targetedStaff, o.targetedStaff),
                departmentCount + Facts.added(departments, o.departments), Facts.latest(damageJpy, o.damageJpy));
    }

    public CaseMemory withContacts(int count) {
        return new CaseMemory(openedAt, count, longestContactMinutes, companyFault, investigationComplete,
                managementAnswer, severity, callbacksDemanded, departments, demandedStaff, targetedStaff, departmentCount,
                damageJpy);
    }
}
