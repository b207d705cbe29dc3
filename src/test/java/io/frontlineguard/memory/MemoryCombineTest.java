package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recording is combining in the ledger's order of receipt: each fact keeps the source received
 * first, a finding the one received last, whatever the incidents' own times say.
 */
class MemoryCombineTest {

    private static final Source FIRST = new Source("call-center", "d-1", OffsetDateTime.parse("2026-01-01T10:00:00Z"));
    private static final Source LATER = new Source("hq-consultation", "d-2", OffsetDateTime.parse("2026-06-01T10:00:00Z"));

    @Test
    void shouldKeepTheSourceReceivedFirstEvenWhenALaterOneIsBackDated() {
        CallerMemory a = new CallerMemory(Sourced.of(PoliceInvolvement.WARNED, FIRST), FIRST, null, Map.of("call-center", FIRST));
        CallerMemory b = new CallerMemory(Sourced.of(PoliceInvolvement.ARRESTED, LATER), LATER, LATER,
                Map.of("hq-consultation", LATER));
        CallerMemory ab = a.combine(b);
        assertEquals(Sourced.of(PoliceInvolvement.ARRESTED, LATER), ab.police());
        assertEquals(FIRST, ab.blocked());
        assertEquals(LATER, ab.warned());
        assertEquals(Map.of("call-center", FIRST, "hq-consultation", LATER), ab.departments());
        // Received in the other order, the back-dated FIRST does not take the block over.
        assertEquals(LATER, b.combine(a).blocked());
    }

    @Test
    void shouldKeepOnlyTheLatestDepartmentsByNameAndCountThemAll() {
        CallerMemory m = CallerMemory.NONE;
        for (int i = 0; i < 300; i++) {
            m = m.combine(new CallerMemory(null, null, null, Map.of("dept-" + i, FIRST)));
        }
        assertEquals(Facts.KEPT, m.departments().size());
        assertEquals(300, m.departmentCount());
        org.junit.jupiter.api.Assertions.assertTrue(m.departments().containsKey("dept-299"));
    }

    @Test
    void shouldLiftOnlyTheBlock() {
        CallerMemory m = new CallerMemory(Sourced.of(PoliceInvolvement.ARRESTED, FIRST), FIRST, FIRST, Map.of());
        assertNull(m.withoutBlock().blocked());
        assertEquals(m.police(), m.withoutBlock().police());
        assertEquals(FIRST, m.withoutBlock().warned());
    }

    @Test
    void shouldCombineCasesInOrderOfReceiptAndKeepTheLaterFinding() {
        CaseMemory a = new CaseMemory(Sourced.of(FIRST.at(), FIRST), 0, Sourced.of(30, FIRST),
                Sourced.of(CompanyFault.CONFIRMED, FIRST), null, null, Sourced.of(Severity.HIGH, FIRST), FIRST,
                Map.of("call-center", FIRST), Map.of("k1", FIRST), Map.of());
        CaseMemory b = new CaseMemory(Sourced.of(LATER.at(), LATER), 0, Sourced.of(90, LATER),
                Sourced.of(CompanyFault.NONE, LATER), LATER, null, Sourced.of(Severity.LOW, LATER), null,
                Map.of("hq-consultation", LATER), Map.of("k1", LATER, "k2", LATER), Map.of("k2", LATER));
        CaseMemory ab = a.combine(b);
        assertEquals(FIRST.at(), ab.openedAt().value());
        assertEquals(90, ab.longestContactMinutes().value());
        assertEquals(CompanyFault.NONE, ab.companyFault().value());
        assertEquals(Severity.HIGH, ab.severity().value());
        assertEquals(LATER, ab.investigationComplete());
        assertEquals(FIRST, ab.callbacksDemanded());
        assertEquals(Map.of("k1", FIRST, "k2", LATER), ab.demandedStaff());
        assertEquals(CompanyFault.CONFIRMED, b.combine(a).companyFault().value(), "the finding received last counts");
    }

    @Test
    void shouldKeepEveryBlockBySourceAndLiftOnlyTheOnesNamed() {
        CallerMemory both = new CallerMemory(null, FIRST, null, Map.of()).combine(new CallerMemory(null, LATER, null, Map.of()));
        assertEquals(Set.of("call-center", "hq-consultation"), both.blocks().keySet());
        assertEquals(FIRST, both.blocked());

        CallerMemory one = both.lifted(null, List.of("call-center"));
        assertEquals(LATER, one.blocked(), "the other source's block stays");
        assertEquals(false, one.blockLifted());
        assertNull(one.lifted(null, List.of("hq-consultation")).blocked());
    }

    @Test
    void shouldLiftEveryBlockWithALiftRecordedBeforeLiftsNamedTheirBlocks() {
        OffsetDateTime t = OffsetDateTime.parse("2026-01-01T10:00:00Z");
        LedgerEntry legal = entry(1, "FLAG", "{\"blocked\": {\"department\": \"legal\", \"at\": \"2026-01-01T10:00:00Z\"}}", null, t);
        LedgerEntry centre = entry(2, "CONTACT", "{\"blocked\": {\"department\": \"call-center\", \"at\": \"2026-01-01T10:00:00Z\"}}",
                null, t);
        assertNull(LedgerFold.of(List.of(legal, centre, entry(3, "LIFT", null, null, t))).caller().blocked());
        assertEquals("call-center", LedgerFold.of(List.of(legal, centre, entry(3, "LIFT", null, "{\"blocks\": [\"legal\"]}", t)))
                .caller().blocked().department());
    }

    @Test
    void shouldReadACallerStoredBeforeBlocksWereKeptBySourceAsBlockedByItsOneSource() {
        CallerMemory stored = MemoryJson.read("{\"blocked\": {\"department\": \"call-center\", \"at\": \"2026-01-01T10:00:00Z\"}}",
                CallerMemory.class);
        assertEquals(Set.of("call-center"), stored.blocks().keySet());
        assertNull(stored.lifted(null, List.of("call-center")).blocked());
    }

    private static LedgerEntry entry(long id, String kind, String facts, String detail, OffsetDateTime at) {
        return new LedgerEntry(id, LedgerEntry.PERSON, "hmac:x", "hmac:x", kind, facts, detail, "someone", null, at, null, null,
                null, null);
    }
}
