package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's speed work (issue 28 item 6) on a real PostgreSQL: a decision's row stores its facts
 * without the provenance its columns hold, rows of the earlier shape read back exactly as before,
 * the decision's read is planned once with its index, and the embedded server keeps spare slots.
 */
class StoreRowsAndPlansTest {

    private static final Path DIR = Path.of("target/store-rows-and-plans-test").toAbsolutePath();
    private static final UnaryOperator<String> KEY = id -> "hmac:" + id;
    private static final int POOL = 8;
    private static final int SPARE = 30;
    private static MemoryDatabase database;

    @BeforeAll
    static void start() {
        PostgresServer.deleteTree(DIR);
        database = MemoryDatabase.embedded(DIR, POOL, SPARE, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static MemoryStore store() {
        return new MemoryStore(database.data(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** A store a few minutes ahead, for which every entry written now has settled and may be compacted. */
    private static MemoryStore later() {
        return new MemoryStore(database.data(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)), Duration.ofSeconds(5));
    }

    /** A decision of the HTTP benchmark's shape: a warned caller, a case with a targeted handler; here flagged by legal. */
    private static Contribution contribution(String run, String department, Set<ActionCode> decided) {
        Incident i = new IncidentReader().read(("{\"incidentId\": \"" + UUID.randomUUID() + "\", \"occurredAt\":"
                + " \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"" + department + "\","
                + " \"caseId\": \"" + run + "-case\", \"caller\": {\"callerId\": \"" + run + "\", \"warnedBefore\": true,"
                + " \"blocked\": true, \"flaggedByDepartment\": \"legal\", \"policeInvolvement\": \"CONSULTED\"},"
                + " \"handler\": {\"employeeId\": \"E-1\", \"targetOfAnger\": true},"
                + " \"caseHistory\": {\"openedAt\": \"2026-05-01T09:00:00+09:00\", \"longestContactMinutes\": 75,"
                + " \"severity\": \"MEDIUM\", \"damageJpy\": 50000}}").getBytes(StandardCharsets.UTF_8));
        return Contribution.of(i, UUID.randomUUID().toString(), decided, KEY, "sys-a", OffsetDateTime.now(ZoneOffset.UTC),
                CallerMemory.NONE);
    }

    private static void record(Contribution k) {
        assertTrue(store().record(k, "sys-a/" + k.contact().incidentKey(), "digest", Recollection.NONE, "sys-a"));
    }

    /** Writes {@code k}'s rows exactly as the version before this one did: every source written out in the facts. */
    private static void recordInTheEarlierShape(Contribution k) throws SQLException {
        try (Connection c = database.data().getConnection()) {
            for (boolean person : new boolean[] {true, false}) {
                try (var s = c.prepareStatement("insert into memory_entry (subject_type, subject, caller_key, kind, facts,"
                        + " asserted_by, department, received_at, occurred_at, decision_id, incident_key)"
                        + " values (?, ?, ?, 'CONTACT', ?::jsonb, 'sys-a', ?, now(), ?, ?, ?)")) {
                    s.setString(1, person ? "P" : "C");
                    s.setString(2, person ? k.callerKey() : k.caseId());
                    s.setString(3, k.callerKey());
                    s.setString(4, MemoryJson.write(person ? k.caller() : k.caseFile()));
                    s.setString(5, k.contact().department());
                    s.setObject(6, k.contact().occurredAt());
                    s.setString(7, k.contact().decisionId());
                    s.setString(8, person ? null : k.contact().incidentKey());
                    s.executeUpdate();
                }
            }
        }
    }

    private static List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = database.data().getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    private static OffsetDateTime receivedAt(String decisionId) throws SQLException {
        try (Connection c = database.data().getConnection();
             var s = c.prepareStatement("select received_at from memory_entry where decision_id = ? limit 1")) {
            s.setString(1, decisionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static MemoryStore.Recalled recall(String run) {
        return store().recall(List.of(KEY.apply(run)), run + "-case", null, null);
    }

    @Test
    void shouldStoreADecisionsFactsWithoutTheProvenanceItsRowAlreadyHolds() throws SQLException {
        String run = UUID.randomUUID().toString();
        Contribution k = contribution(run, "call-center", Set.of(ActionCode.WARN_CALLER));
        record(k);
        List<String> stored = strings("select facts::text from memory_entry where decision_id = ? order by subject_type",
                k.contact().decisionId());
        assertEquals(2, stored.size());
        int before = MemoryJson.write(k.caller()).length() + MemoryJson.write(k.caseFile()).length();
        int after = stored.get(0).length() + stored.get(1).length();
        System.out.printf("facts of one decision's two rows: %d characters in the earlier shape, %d now%n", before, after);
        for (String facts : stored) {
            assertFalse(facts.contains("assertedBy"), facts);
            assertFalse(facts.contains(k.contact().decisionId()), facts);
            assertFalse(facts.contains("receivedAt"), facts);
            // occurred_at with occurred_offset_minutes holds the incident time; the mark only names the shape.
            assertFalse(facts.contains("2026-06-10"), facts);
        }
        assertTrue(after * 2 < before, "less than half the characters: " + after + " of " + before);
        // What differs from the row stays: legal's claim on the block.
        assertTrue(stored.stream().anyMatch(f -> f.contains("\"claimedDepartment\": \"legal\"")), stored.toString());
    }

    @Test
    void shouldRebuildEverySourceFromTheRowsColumns() throws SQLException {
        String run = UUID.randomUUID().toString();
        Contribution k = contribution(run, "call-center", Set.of(ActionCode.WARN_CALLER));
        record(k);
        OffsetDateTime received = receivedAt(k.contact().decisionId());
        // The row's receipt stamp is the sources' receipt; everything else is what the decision asserted.
        UnaryOperator<Source> stamped = s -> new Source(s.department(), s.decisionId(), s.at(), s.assertedBy(), received,
                s.claimedDepartment());
        MemoryStore.Recalled read = recall(run);
        assertEquals(CallerMemory.NONE.combine(RowFacts.sources(k.caller(), stamped)), read.recollection().caller());
        assertEquals(CaseMemory.NONE.combine(RowFacts.sources(k.caseFile(), stamped)), read.recollection().caseFile());
        Source warned = read.recollection().caller().warned();
        assertEquals("call-center", warned.department());
        assertEquals("sys-a", warned.assertedBy());
        assertEquals(k.contact().decisionId(), warned.decisionId());
        assertEquals(OffsetDateTime.parse("2026-06-10T11:00:00+09:00"), warned.at(), "the incident's own offset is kept");
        assertEquals("legal", read.recollection().caller().blocked().claimedDepartment());
    }

    @Test
    void shouldReadRowsWrittenByTheEarlierVersionExactlyAsWritten() throws SQLException {
        String run = UUID.randomUUID().toString();
        Contribution k = contribution(run, "call-center", Set.of(ActionCode.WARN_CALLER));
        recordInTheEarlierShape(k);
        MemoryStore.Recalled read = recall(run);
        assertEquals(CallerMemory.NONE.combine(k.caller()), read.recollection().caller());
        assertEquals(CaseMemory.NONE.combine(k.caseFile()), read.recollection().caseFile());
        assertEquals(k.caller().warned().receivedAt(), read.recollection().caller().warned().receivedAt(),
                "an earlier row keeps the decision's own receipt time");
    }

    /** Rows of both shapes in one history, folded directly and through a snapshot, give the same memory. */
    @Test
    void shouldFoldBothShapesAlikeBeforeAndAfterCompaction() throws SQLException {
        String run = UUID.randomUUID().toString();
        recordInTheEarlierShape(contribution(run, "legal", Set.of()));
        for (int i = 0; i < MemoryStore.COMPACT_AFTER + 2; i++) {
            record(contribution(run, "dept-" + i, i == 3 ? Set.of(ActionCode.BLOCK_CALLER) : Set.of()));
        }
        MemoryStore.Recalled direct = recall(run);
        assertTrue(direct.compactCaller() && direct.compactCase());
        assertEquals("legal", direct.recollection().caller().warned().department(), "the first source still counts");
        assertTrue(later().compact(LedgerEntry.PERSON, KEY.apply(run)));
        assertTrue(later().compact(LedgerEntry.CASE, run + "-case"));
        MemoryStore.Recalled compacted = recall(run);
        assertFalse(compacted.compactCaller());
        assertEquals(direct.recollection(), compacted.recollection());
    }

    /**
     * The decision's read is planned once per connection and that plan reads the subject index: the
     * pool's connections force generic plans, which EXPLAIN shows with their parameters ($1), not
     * the values of one execution, and the first execution already gets it.
     */
    @Test
    void shouldPlanTheDecisionsReadOnceUsingTheSubjectIndex() throws SQLException {
        String run = UUID.randomUUID().toString();
        record(contribution(run, "call-center", Set.of()));
        int n = 0;
        StringBuilder sql = new StringBuilder();
        for (char ch : MemoryStore.RECALL.toCharArray()) {
            sql.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        StringBuilder plan = new StringBuilder();
        try (Connection c = database.data().getConnection(); Statement s = c.createStatement()) {
            // A ledger of some size, so that reading the index is the plan's choice and not only its option.
            s.execute("insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, received_at)"
                    + " select 'P', 'hmac:filler-' || g % 5000, 'hmac:filler-' || g % 5000, 'CONTACT', '{}'::jsonb, 'sys-a',"
                    + " now() from generate_series(1, 50000) g");
            s.execute("analyze memory_entry");
            try (ResultSet r = s.executeQuery("show plan_cache_mode")) {
                r.next();
                assertEquals("force_generic_plan", r.getString(1));
            }
            s.execute("prepare recall_plan (varchar[], varchar, varchar[], varchar, varchar, varchar) as " + sql);
            try (ResultSet r = s.executeQuery("explain execute recall_plan ('{" + KEY.apply(run) + "}', '" + run
                    + "-case', '{" + KEY.apply(run) + "}', '" + run + "-case', 'sys-a/none', 'none')")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            s.execute("deallocate recall_plan");
        }
        assertTrue(plan.indexOf("$1") >= 0 && plan.indexOf("$2") >= 0, "a generic plan:\n" + plan);
        assertFalse(plan.indexOf(run) >= 0, "no value of this execution in the plan:\n" + plan);
        assertTrue(plan.indexOf("memory_entry_subject") >= 0, "the subject index:\n" + plan);
    }

    @Test
    void shouldKeepSpareConnectionSlotsBeyondTwiceThePool() throws SQLException {
        assertEquals(List.of(Integer.toString(2 * POOL + SPARE)), strings("show max_connections"));
    }
}
