package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Remembered;
import io.frontlineguard.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The merge rule of every field: memory and the request combine toward the safer side. */
class RecallTest {

    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-05-20T09:00:00+09:00");
    private static final Source CALL_CENTRE = new Source("call-center", "d-1", EARLIER);
    private final Recall recall = new Recall(UnaryOperator.identity());

    private static Incident incident(String json) {
        return new IncidentReader().read(("{\"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"department\": \"hq-consultation\", " + json + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Recollection caller(CallerMemory m) {
        return new Recollection(m, CaseMemory.NONE);
    }

    private static Recollection file(CaseMemory m) {
        return new Recollection(CallerMemory.NONE, m);
    }

    private static CaseMemory caseWith(int contacts) {
        return CaseMemory.NONE.withContacts(contacts);
    }

    @Test
    void shouldGiveHeadOfficeTheCallCentresBlockAndArrestWithWhereTheyCameFrom() {
        var recalled = recall.apply(incident("\"caller\": {\"callerId\": \"X\"}"),
                caller(new CallerMemory(Sourced.of(PoliceInvolvement.ARRESTED, CALL_CENTRE), CALL_CENTRE, null, Map.of())));
        var c = recalled.incident().caller();
        assertEquals(PoliceInvolvement.ARRESTED, c.policeInvolvement());
        assertTrue(c.blocked());
        assertEquals("call-center", c.flaggedByDepartment());
        assertEquals(List.of(
                new Remembered("caller.policeInvolvement", "ARRESTED", "call-center", "d-1", EARLIER),
                new Remembered("caller.blocked", true, "call-center", "d-1", EARLIER),
                new Remembered("caller.flaggedByDepartment", "call-center", "call-center", "d-1", EARLIER)),
                recalled.remembered());
    }

    @Test
    void shouldKeepTheStrongerPoliceInvolvementWhicheverSideReportsIt() {
        var memory = caller(new CallerMemory(Sourced.of(PoliceInvolvement.WARNED, CALL_CENTRE), null, null, Map.of()));
        assertEquals(PoliceInvolvement.CONVICTED, recall.apply(incident("\"caller\": {\"callerId\": \"X\","
                + " \"policeInvolvement\": \"CONVICTED\"}"), memory).incident().caller().policeInvolvement());
        var weaker = recall.apply(incident("\"caller\": {\"callerId\": \"X\", \"policeInvolvement\": \"CONSULTED\"}"), memory);
        assertEquals(PoliceInvolvement.WARNED, weaker.incident().caller().policeInvolvement());
        assertEquals("caller.policeInvolvement", weaker.remembered().get(0).fact());
    }

    @Test
    void shouldLetTheRequestNameTheFlaggingDepartmentWhenItKnowsIt() {
        var recalled = recall.apply(incident("\"caller\": {\"callerId\": \"X\", \"flaggedByDepartment\": \"legal\"}"),
                caller(new CallerMemory(null, CALL_CENTRE, CALL_CENTRE, Map.of())));
        assertEquals("legal", recalled.incident().caller().flaggedByDepartment());
        assertTrue(recalled.incident().caller().warnedBefore());
    }

    @Test
    void shouldOpenTheCaseAtTheEarlierTimeAndAgeItFromThere() {
        var recalled = recall.apply(incident("\"caseId\": \"C\""),
                file(new CaseMemory(Sourced.of(EARLIER, CALL_CENTRE), 0, null, null, null, null, null, null, Map.of(),
                        Map.of(), Map.of())));
        assertEquals(EARLIER, recalled.incident().caseHistory().openedAt());
        assertEquals(21, recalled.incident().caseHistory().ageDays());
    }

    @Test
    void shouldCountRememberedContactsPlusThisOneUnlessTheRequestCountsMore() {
        assertEquals(5, recall.apply(incident("\"caseId\": \"C\""), file(caseWith(4))).incident().caseHistory().contactCount());
        assertEquals(9, recall.apply(incident("\"caseId\": \"C\", \"caseHistory\": {\"contactCount\": 9}"), file(caseWith(4)))
                .incident().caseHistory().contactCount());
    }

    @Test
    void shouldKeepTheLongerContactAndTheHigherSeverity() {
        var memory = file(new CaseMemory(null, 0, Sourced.of(90, CALL_CENTRE), null, null, null,
                Sourced.of(Severity.HIGH, CALL_CENTRE), null, Map.of(), Map.of(), Map.of()));
        var h = recall.apply(incident("\"caseHistory\": {\"longestContactMinutes\": 30, \"severity\": \"LOW\"}"), memory)
                .incident().caseHistory();
        assertEquals(90, h.longestContactMinutes());
        assertEquals(Severity.HIGH, h.severity());
    }

    @Test
    void shouldFillCompanyFaultAndManagementAnswerOnlyWhereTheRequestLeavesTheDefault() {
        var memory = file(new CaseMemory(null, 0, null, Sourced.of(CompanyFault.CONFIRMED, CALL_CENTRE), CALL_CENTRE,
                Sourced.of(ManagementAnswer.REFUSED, CALL_CENTRE), null, null, Map.of(), Map.of(), Map.of()));
        var filled = recall.apply(incident("\"caseId\": \"C\""), memory).incident().caseHistory();
        assertEquals(CompanyFault.CONFIRMED, filled.companyFault());
        assertEquals(ManagementAnswer.REFUSED, filled.managementAnswer());
        assertTrue(filled.investigationComplete());
        var stated = recall.apply(incident("\"caseHistory\": {\"companyFault\": \"NONE\", \"managementAnswer\": \"ACCEPTED\"}"),
                memory).incident().caseHistory();
        assertEquals(CompanyFault.NONE, stated.companyFault());
        assertEquals(ManagementAnswer.ACCEPTED, stated.managementAnswer());
    }

    @Test
    void shouldCountOnlyTheOtherDepartmentsOfTheCase() {
        var memory = file(new CaseMemory(null, 0, null, null, null, null, null, null,
                Map.of("hq-consultation", CALL_CENTRE, "call-center", CALL_CENTRE, "legal", CALL_CENTRE), Map.of(), Map.of()));
        assertEquals(2, recall.apply(incident("\"caseId\": \"C\""), memory).incident().caseHistory().otherDepartments());
    }

    @Test
    void shouldRecogniseStaffTheCallerNamedOrTargetedBeforeByTheirPseudonym() {
        Recall keyed = new Recall(id -> "key-" + id);
        var memory = file(new CaseMemory(null, 0, null, null, null, null, null, null, Map.of(),
                Map.of("key-op-7", CALL_CENTRE), Map.of("key-op-7", CALL_CENTRE)));
        var recalled = keyed.apply(incident("\"handler\": {\"employeeId\": \"op-7\"},"
                + " \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-7\"},"
                + " {\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-8\"}]"), memory).incident();
        assertTrue(recalled.handler().targetOfAnger());
        assertTrue(recalled.handler().namedBefore());
        assertTrue(recalled.demands().get(0).namedBefore());
        assertFalse(recalled.demands().get(1).namedBefore());
    }

    @Test
    void shouldTellTheRulesABlockWasLiftedUntilSomethingNewHappens() {
        CallerMemory lifted = new CallerMemory(Sourced.of(PoliceInvolvement.ARRESTED, CALL_CENTRE), CALL_CENTRE, null, Map.of())
                .withoutBlock();
        var stale = recall.apply(incident("\"caller\": {\"callerId\": \"X\", \"blocked\": true}"), caller(lifted)).incident();
        assertTrue(stale.caller().blockLifted());
        assertEquals(null, stale.caller().flaggedByDepartment(), "a lifted flag is attributed to nobody");
        var stronger = recall.apply(incident("\"caller\": {\"callerId\": \"X\", \"policeInvolvement\": \"CONVICTED\"}"),
                caller(lifted)).incident();
        assertFalse(stronger.caller().blockLifted());
        var blockedAgain = lifted.combine(new CallerMemory(null, CALL_CENTRE, null, Map.of()));
        assertFalse(recall.apply(incident("\"caller\": {\"callerId\": \"X\"}"), caller(blockedAgain)).incident().caller().blockLifted());
    }

    @Test
    void shouldLetAPersonsCorrectionOutlastAClientRepeatingTheOldValue() {
        CallerMemory corrected = new CallerMemory(Sourced.of(PoliceInvolvement.ARRESTED, CALL_CENTRE), null, null, Map.of())
                .correctedPolice(PoliceInvolvement.NONE, CALL_CENTRE);
        var recalled = recall.apply(incident("\"caller\": {\"callerId\": \"X\", \"policeInvolvement\": \"ARRESTED\"}"),
                caller(corrected));
        assertEquals(PoliceInvolvement.NONE, recalled.incident().caller().policeInvolvement());
        assertEquals(PoliceInvolvement.CONVICTED, recall.apply(incident("\"caller\": {\"callerId\": \"X\","
                + " \"policeInvolvement\": \"CONVICTED\"}"), caller(corrected)).incident().caller().policeInvolvement());
        assertEquals(null, corrected.combine(new CallerMemory(Sourced.of(PoliceInvolvement.WARNED, CALL_CENTRE), null, null,
                Map.of())).police(), "memory does not take the corrected-away value back");
    }

    @Test
    void shouldContributeNothingWhenMemoryIsEmpty() {
        Incident reported = incident("\"caller\": {\"callerId\": \"X\"}, \"caseId\": \"C\"");
        var recalled = recall.apply(reported, Recollection.NONE);
        assertEquals(List.of(), recalled.remembered());
        assertEquals(reported, recalled.incident());
    }
}
