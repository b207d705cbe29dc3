package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The ledger on a real PostgreSQL: compaction, bounded records, the key ring, erasure and retention in batches. */
class LedgerStoreTest {

    private static final Path DIR = Path.of("target/ledger-store-test").toAbsolutePath();
    private static final UnaryOperator<String> KEY = id -> "hmac:" + id;
    private static MemoryDatabase database;

    @BeforeAll
    static void start() {
        PostgresServer.deleteTree(DIR);
        database = MemoryDatabase.embedded(DIR, 8, Duration.ofSeconds(5));
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

    private static Incident incident(String incidentId, String department, String fields) {
        return new IncidentReader().read(("{\"incidentId\": \"" + incidentId + "\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\","
                + " \"channel\": \"PHONE\", \"department\": \"" + department + "\", " + fields + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String record(MemoryStore store, Incident i, Set<ActionCode> decided, UnaryOperator<String> key) {
        String decisionId = UUID.randomUUID().toString();
        store.record(Contribution.of(i, decisionId, decided, key, "sys-a", OffsetDateTime.now(ZoneOffset.UTC),
                CallerMemory.NONE), "sys-a/" + i.incidentId(), "digest", Recollection.NONE, "sys-a");
        return decisionId;
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = database.data().getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    private static MemoryStore.Write write(Incident i, UnaryOperator<String> key, String digest) {
        return new MemoryStore.Write(Contribution.of(i, UUID.randomUUID().toString(), Set.of(), key, "sys-a",
                OffsetDateTime.now(ZoneOffset.UTC), CallerMemory.NONE), "sys-a/" + i.incidentId(), digest, Recollection.NONE,
                "sys-a");
    }

    /**
     * A write the server refuses: its case id is longer than its column (the API never lets one
     * through, so it is made here), and so the whole statement is refused.
     */
    private static MemoryStore.Write refused(MemoryStore.Write w) {
        Contribution k = w.contribution();
        return new MemoryStore.Write(new Contribution(k.callerKey(), k.caller(), "x".repeat(200), k.caseFile(), k.contact()),
                w.incidentKey(), w.requestDigest(), w.recollection(), w.system());
    }

    /**
     * Group commit writes many decisions with one statement. Two of them for one incident id (a
     * retry racing its original into the same batch) count once, as when they race in two
     * statements: the first is recorded, the second adds nothing; one already recorded adds nothing.
     */
    @Test
    void shouldRecordABatchInOrderAndCountAnIncidentOnceWithinIt() throws SQLException {
        String run = UUID.randomUUID().toString();
        String caller = "\"caseId\": \"" + run + "-case\", \"caller\": {\"callerId\": \"" + run + "\"}";
        MemoryStore.Write earlier = write(incident(run + "-0", "legal", caller), KEY, "d0");
        assertTrue(store().record(List.of(earlier)).get(0));
        MemoryStore.Write first = write(incident(run + "-1", "call-center", caller), KEY, "d1");
        MemoryStore.Write sameIncident = write(incident(run + "-1", "sales", caller), KEY, "d1-other");
        MemoryStore.Write again = write(incident(run + "-0", "sales", caller), KEY, "d0");
        MemoryStore.Write other = write(incident(run + "-2", "support", caller), KEY, "d2");

        assertEquals(List.of(true, false, false, true), store().record(List.of(first, sameIncident, again, other)));

        assertEquals(3, count("select count(*) from memory_incident where incident_id like ?", "sys-a/" + run + "-%"));
        var prior = store().recall(List.of(KEY.apply(run)), run + "-case", "sys-a/" + run + "-1", null);
        assertEquals("d1", prior.prior().orElseThrow().requestDigest(), "the first of the batch is the original");
        assertEquals(first.contribution().contact().decisionId(), prior.prior().orElseThrow().decisionId());
        assertEquals(0, count("select count(*) from memory_entry where decision_id = ? or decision_id = ?",
                sameIncident.contribution().contact().decisionId(), again.contribution().contact().decisionId()),
                "what counted once added no entries");
        assertEquals(3, prior.recollection().caseFile().contacts());
        assertEquals(3, prior.recollection().caller().departmentCount());
        // One receipt time for the batch, ids in the batch's order.
        assertEquals(1, count("select count(distinct received_at) from memory_entry where decision_id in (?, ?)",
                first.contribution().contact().decisionId(), other.contribution().contact().decisionId()));
        assertTrue(count("select max(id) from memory_entry where decision_id = ?", first.contribution().contact().decisionId())
                < count("select min(id) from memory_entry where decision_id = ?", other.contribution().contact().decisionId()));
    }

    /** One statement for the batch: when it fails, nothing of any of its decisions is recorded. */
    @Test
    void shouldRecordNothingOfABatchWhoseStatementFails() throws SQLException {
        String run = UUID.randomUUID().toString();
        MemoryStore.Write fine = write(incident(run + "-1", "call-center", "\"caseId\": \"" + run + "-case\""), KEY, "d1");
        MemoryStore.Write refused = refused(write(incident(run + "-2", "call-center", "\"caseId\": \"" + run + "-other\""), KEY, "d2"));
        assertThrows(MemoryUnavailableException.class, () -> store().record(List.of(fine, refused)));
        assertEquals(0, count("select count(*) from memory_incident where incident_id like ?", "sys-a/" + run + "-%"));
        assertEquals(0, count("select count(*) from memory_entry where subject = ?", run + "-case"));
        assertTrue(store().record(List.of(fine)).get(0), "the same write alone is recorded");
    }

    /** Through the group-commit writer, decisions waiting together are answered from one batch. */
    @Test
    void shouldAnswerEveryDecisionOfAFailedBatchWithMemoryUnavailable() throws Exception {
        String run = UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        // The first batch waits until the others have queued, so they are written together, as under load.
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            if (batches.getAndIncrement() == 0) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return store().record(batch);
        }, Duration.ofSeconds(5), 1, 100)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Future<Boolean> opener = pool.submit(() -> writer.record(write(incident(run + "-0", "sales",
                    "\"caseId\": \"" + run + "-open\""), KEY, "d0")));
            held.await();
            List<Future<Boolean>> queued = new ArrayList<>();
            queued.add(pool.submit(() -> writer.record(write(incident(run + "-1", "sales", "\"caseId\": \"" + run + "-case\""),
                    KEY, "d1"))));
            queued.add(pool.submit(() -> writer.record(refused(write(incident(run + "-2", "sales", "\"caseId\": \"" + run
                    + "-other\""), KEY, "d2")))));
            queued.add(pool.submit(() -> writer.record(write(incident(run + "-3", "sales", "\"caseId\": \"" + run + "-case\""),
                    KEY, "d3"))));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (writer.waiting() < 3) {
                assertTrue(System.nanoTime() < until, "the three writes never queued");
                Thread.sleep(10);
            }
            release.countDown();
            assertTrue(opener.get());
            for (Future<Boolean> f : queued) {
                var e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
                assertTrue(e.getCause() instanceof MemoryUnavailableException, String.valueOf(e.getCause()));
            }
            pool.shutdown();
            assertEquals(2, batches.get(), "the three queued decisions were one batch");
        }
        assertEquals(1, count("select count(*) from memory_incident where incident_id like ?", "sys-a/" + run + "-%"));
        assertEquals(0, count("select count(*) from memory_entry where subject = ?", run + "-case"));
    }

    @Test
    void shouldKeepACallersAndACasesRecordBoundedHoweverManyDepartmentsAndStaffAppear() throws Exception {
        String run = UUID.randomUUID().toString();
        String caseId = run + "-case";
        String blockedBy = null;
        for (int i = 0; i < 300; i++) {
            Set<ActionCode> decided = i == 5 ? EnumSet.of(ActionCode.BLOCK_CALLER) : EnumSet.noneOf(ActionCode.class);
            String id = record(store(), incident(run + "-" + i, "dept-" + i, "\"caseId\": \"" + caseId + "\", \"caller\":"
                    + " {\"callerId\": \"" + run + "\"}, \"handler\": {\"employeeId\": \"staff-" + i + "\", \"targetOfAnger\": true},"
                    + " \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"named-" + i + "\"}]"), decided, KEY);
            blockedBy = i == 5 ? id : blockedBy;
        }
        var before = store().recall(List.of(KEY.apply(run)), caseId, null, null);
        assertTrue(before.compactCaller() && before.compactCase(), "a long history asks to be compacted");
        assertFalse(store().compact(LedgerEntry.CASE, caseId), "entries just written have not settled yet");
        assertTrue(later().compact(LedgerEntry.PERSON, KEY.apply(run)));
        assertTrue(later().compact(LedgerEntry.CASE, caseId));
        var after = store().recall(List.of(KEY.apply(run)), caseId, null, null);
        assertEquals(before.recollection(), after.recollection());
        assertFalse(after.compactCaller() || after.compactCase());

        CallerMemory caller = after.recollection().caller();
        CaseMemory file = after.recollection().caseFile();
        assertEquals(Facts.KEPT, caller.departments().size());
        assertEquals(300, caller.departmentCount());
        assertEquals(300, file.contacts());
        assertEquals(300, file.departmentCount());
        assertTrue(file.targetedStaff().size() <= Facts.KEPT && file.demandedStaff().size() <= Facts.KEPT);
        assertTrue(file.targetedStaff().containsKey(KEY.apply("staff-299")), "the latest staff are known by name");
        assertEquals(blockedBy, caller.blocked().decisionId(), "the decision that set the flag is still named");
        long snapshotSize = count("select max(length(facts::text)) from memory_entry where subject = ? and kind = 'SNAPSHOT'",
                caseId);
        assertTrue(snapshotSize < 40_000, "a case snapshot of " + snapshotSize + " characters");
        assertEquals(LedgerFold.LATEST_CONTACTS, store().caller(KEY.apply(run)).orElseThrow().cases().get(0).contacts().size());
    }

    /**
     * Each contact is read back at the offset of its own incident, not the case's nor UTC: a case
     * officer reads it at the local time the caller called. It stays so in the case's snapshot.
     */
    @Test
    void shouldKeepEachContactAtTheOffsetOfItsOwnIncident() {
        String run = UUID.randomUUID().toString();
        String caseId = run + "-case";
        List<String> times = List.of("2026-06-10T11:00:00+09:00", "2026-06-10T04:30:00-05:00", "2026-06-11T09:15:00+05:30");
        for (int i = 0; i < times.size(); i++) {
            record(store(), new IncidentReader().read(("{\"incidentId\": \"" + run + "-" + i + "\", \"occurredAt\": \""
                    + times.get(i) + "\", \"channel\": \"PHONE\", \"department\": \"sales\", \"caseId\": \"" + caseId
                    + "\", \"caller\": {\"callerId\": \"" + run + "\"}}").getBytes(StandardCharsets.UTF_8)), Set.of(), KEY);
        }

        List<OffsetDateTime> read = store().caller(KEY.apply(run)).orElseThrow().cases().get(0).contacts().stream()
                .map(CallerRecord.ContactRecord::occurredAt).toList();

        assertEquals(times.stream().map(OffsetDateTime::parse).toList(), read);
        assertTrue(later().compact(LedgerEntry.CASE, caseId));
        assertEquals(read, store().caller(KEY.apply(run)).orElseThrow().cases().get(0).contacts().stream()
                .map(CallerRecord.ContactRecord::occurredAt).toList(), "the same from the snapshot");
    }

    private static MemoryStore at(Duration ahead) {
        return new MemoryStore(database.data(), Clock.offset(Clock.systemUTC(), ahead), Duration.ofSeconds(5));
    }

    /**
     * A snapshot is stamped when it is written, later than the unsettled entries it left for the next
     * one. A compaction whose horizon falls between those entries and that stamp must still start
     * from the snapshot, or everything it folded is forgotten.
     */
    @Test
    void shouldKeepWhatTheLastSnapshotFoldedWhenOnlyTheEntriesAfterItHaveSettled() throws Exception {
        String run = UUID.randomUUID().toString();
        String caseId = run + "-case";
        String blockedBy = null;
        for (int i = 0; i < 40; i++) {
            Set<ActionCode> decided = i == 3 ? EnumSet.of(ActionCode.BLOCK_CALLER) : EnumSet.noneOf(ActionCode.class);
            // The first half received five minutes ago, the second half now.
            String id = record(at(Duration.ofMinutes(i < 20 ? -5 : 0)), incident(run + "-" + i, "dept-" + i, "\"caseId\": \""
                    + caseId + "\", \"caller\": {\"callerId\": \"" + run + "\"}"), decided, KEY);
            blockedBy = i == 3 ? id : blockedBy;
        }
        // Settles the first half only; its snapshots are stamped 5 s ahead.
        assertTrue(at(Duration.ofSeconds(5)).compact(LedgerEntry.PERSON, KEY.apply(run)));
        assertTrue(at(Duration.ofSeconds(5)).compact(LedgerEntry.CASE, caseId));
        // Its horizon (2 s ahead) has passed the second half, not the snapshots.
        Duration ahead = Duration.ofSeconds(5L * MemoryStore.SETTLED_TIMEOUTS + 2);
        assertTrue(at(ahead).compact(LedgerEntry.PERSON, KEY.apply(run)));
        assertTrue(at(ahead).compact(LedgerEntry.CASE, caseId));
        var after = store().recall(List.of(KEY.apply(run)), caseId, null, null);
        assertEquals(40, after.recollection().caller().departmentCount());
        assertEquals(40, after.recollection().caseFile().contacts());
        assertEquals(blockedBy, after.recollection().caller().blocked().decisionId());
    }

    @Test
    void shouldLetOnlyOneInstanceCompactASubjectAtATime() throws Exception {
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 80; i++) {
            record(store(), incident(run + "-" + i, "call-center", "\"caseId\": \"" + run + "\""), Set.of(), KEY);
        }
        var before = store().recall(List.of(), run, null, null).recollection();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            done.add(pool.submit(() -> later().compact(LedgerEntry.CASE, run)));
        }
        for (Future<Boolean> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(1, count("select count(*) from memory_entry where subject = ? and kind = 'SNAPSHOT'", run));
        assertEquals(before, store().recall(List.of(), run, null, null).recollection());
        record(store(), incident(run + "-after", "sales", "\"caseId\": \"" + run + "\""), Set.of(), KEY);
        assertEquals(81, store().recall(List.of(), run, null, null).recollection().caseFile().contacts());
    }

    @Test
    void shouldFindACallerUnderAnOlderKeyAndMoveThemToTheNewest() throws SQLException {
        String run = UUID.randomUUID().toString();
        UnaryOperator<String> oldKey = id -> "hmac:old-" + id;
        UnaryOperator<String> newKey = id -> "hmac:new-" + id;
        record(store(), incident(run + "-1", "call-center", "\"caseId\": \"" + run + "-case\", \"caller\": {\"callerId\": \""
                + run + "\", \"policeInvolvement\": \"ARRESTED\"}"), EnumSet.of(ActionCode.BLOCK_CALLER), oldKey);
        assertFalse(store().recall(List.of(newKey.apply(run)), null, null, null).knownCaller(), "the new key alone finds nothing");
        var read = store().recall(List.of(newKey.apply(run), oldKey.apply(run)), null, null, null);
        assertNotNull(read.recollection().caller().blocked());
        assertEquals(List.of(oldKey.apply(run)), read.staleKeys());
        store().rekey(read.staleKeys(), newKey.apply(run));
        var moved = store().recall(List.of(newKey.apply(run)), null, null, null);
        assertNotNull(moved.recollection().caller().blocked());
        assertTrue(moved.staleKeys().isEmpty());
        assertEquals(0, count("select count(*) from memory_entry where caller_key = ?", oldKey.apply(run)));
        assertEquals(1, store().caller(newKey.apply(run)).orElseThrow().cases().size(), "the case moved with its caller");
    }

    @Test
    void shouldEraseEveryEntryOfTheCallerAndOfTheirCases() throws SQLException {
        String run = UUID.randomUUID().toString();
        record(store(), incident(run + "-1", "call-center", "\"caseId\": \"" + run + "-case\", \"caller\": {\"callerId\": \""
                + run + "\"}"), Set.of(), KEY);
        record(store(), incident(run + "-2", "sales", "\"caseId\": \"" + run + "-case\""), Set.of(), KEY);
        later().compact(LedgerEntry.CASE, run + "-case");
        assertTrue(store().erase(KEY.apply(run), new MemoryStore.Change("officer", "ERASE", "request", null, Map.of())) >= 4);
        assertEquals(0, count("select count(*) from memory_entry where caller_key = ? or subject = ?", KEY.apply(run), run + "-case"));
        assertEquals(0, count("select count(*) from memory_incident where incident_id like ?", "sys-a/" + run + "%"));
    }

    /**
     * Many rows to purge under a statement timeout that the purge in one statement exceeds: the
     * purge still finishes, in statements of at most one window each, removes exactly what
     * retention says, and keeps a caller seen since. The timeout is measured, not guessed, so the
     * test holds on a quiet and on a loaded machine: the purge's own statement over everything
     * (window unbounded, rolled back) is timed, the timeout is a fifth of it, and that same
     * statement is then shown to exceed it. Each window is a couple of thousandths of the whole,
     * so a window would have to run several tens of times slower than the whole did per row to
     * hit it; and however fast the machine, every statement's row count proves the bound.
     */
    @Test
    void shouldPurgeInBatchesThatNeverHitTheStatementTimeout() throws SQLException {
        String run = UUID.randomUUID().toString();
        Instant longAgo = Instant.parse("2019-01-01T00:00:00Z");
        Instant cutoff = Instant.parse("2020-01-01T00:00:00Z");
        MemoryStore past = new MemoryStore(database.data(), Clock.fixed(longAgo, ZoneOffset.UTC), Duration.ofSeconds(5));
        record(past, incident(run + "-kept-old", "call-center", "\"caller\": {\"callerId\": \"" + run + "-kept\", \"blocked\": true}"),
                Set.of(), KEY);
        record(store(), incident(run + "-kept-new", "sales", "\"caller\": {\"callerId\": \"" + run + "-kept\"}"), Set.of(), KEY);
        // The set-up writes 420,000 rows at once, through a connection of its own: on a loaded
        // machine that outlasts the pool's statement and socket timeouts. Only the purge is held to one.
        try (Connection c = OneConnection.open(0); var s = c.createStatement()) {
            s.execute("insert into memory_entry (subject_type, subject, caller_key, kind, facts, asserted_by, received_at)"
                    + " select 'C', '" + run + "-old-' || (g % 20000), null, 'CONTACT', '{\"contacts\": 1}', 'sys-a',"
                    + " timestamptz '2019-01-01' + g * interval '1 second' from generate_series(1, 400000) g");
            s.execute("insert into memory_incident (incident_id, request_digest, decision_id, recollection, recorded_at)"
                    + " select 'sys-a/" + run + "-i-' || g, 'd', 'x', '{}', timestamptz '2019-01-01' from generate_series(1, 20000) g");
        }
        int window = 200;

        long whole;
        try (OneConnection control = new OneConnection(0, true)) {
            new MemoryStore(control.data(), Clock.systemUTC(), Duration.ofSeconds(5)).purge(cutoff, "control", Integer.MAX_VALUE);
            Delete biggest = control.biggest();
            assertTrue(biggest.rows() >= 400_000, "the control deletes the old entries in one statement: " + biggest);
            whole = biggest.millis();
        }
        long timeout = Math.max(1, whole / 5);
        try (OneConnection control = new OneConnection(timeout, true)) {
            assertThrows(MemoryUnavailableException.class, () -> new MemoryStore(control.data(), Clock.systemUTC(),
                            Duration.ofSeconds(5)).purge(cutoff, "control", Integer.MAX_VALUE),
                    "the purge in one statement (" + whole + " ms before) must exceed " + timeout + " ms, or this test proves nothing");
        }

        int removed;
        List<Delete> deletes;
        try (OneConnection impatient = new OneConnection(timeout, false)) {
            removed = new MemoryStore(impatient.data(), Clock.systemUTC(), Duration.ofSeconds(5)).purge(cutoff, "test", window);
            deletes = impatient.deletes;
        }
        assertTrue(removed >= 420_000, "removed " + removed);
        assertTrue(deletes.stream().allMatch(d -> d.rows() <= window), "a statement removed more than one window");
        assertTrue(deletes.size() >= removed / window, deletes.size() + " statements removed " + removed + " rows");
        long slowest = deletes.stream().mapToLong(Delete::millis).max().orElse(0);
        System.out.printf("purge: the whole in one statement %d ms, timeout %d ms; %d statements of at most %d ids,"
                + " the slowest %d ms%n", whole, timeout, deletes.size(), window, slowest);
        assertEquals(0, count("select count(*) from memory_entry where subject like ?", run + "-old-%"));
        assertEquals(0, count("select count(*) from memory_incident where incident_id like ?", "sys-a/" + run + "-i-%"));
        assertNotNull(store().recall(List.of(KEY.apply(run + "-kept")), null, null, null).recollection().caller().blocked(),
                "a caller seen since keeps the block recorded before the cutoff");
    }

    /** One delete a purge ran: the rows it removed and how long it took. */
    record Delete(int rows, long millis) {
    }

    /**
     * A purge's statements on one connection of their own, under a statement timeout (0: none), each
     * delete recorded. {@code rolledBack}: the store's commits are ignored and all is rolled back
     * at the end, so the control can run the purge in one statement and leave the rows in place.
     */
    private static final class OneConnection implements AutoCloseable {

        final List<Delete> deletes = new ArrayList<>();
        private final Connection c;
        private final boolean rolledBack;

        OneConnection(long timeoutMillis, boolean rolledBack) throws SQLException {
            this.c = open(timeoutMillis);
            this.rolledBack = rolledBack;
            if (rolledBack) {
                c.setAutoCommit(false);
            }
        }

        static Connection open(long timeoutMillis) throws SQLException {
            PGSimpleDataSource data = new PGSimpleDataSource();
            data.setUrl(database.embeddedUrl());
            data.setOptions("-c statement_timeout=" + timeoutMillis);
            return data.getConnection();
        }

        Delete biggest() {
            return deletes.stream().max(java.util.Comparator.comparingInt(Delete::rows)).orElseThrow();
        }

        javax.sql.DataSource data() {
            Connection shared = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close":
                                return null;
                            case "setAutoCommit", "setReadOnly", "commit":
                                if (rolledBack) {
                                    return null;
                                }
                                break;
                            case "prepareStatement":
                                return recorded((java.sql.PreparedStatement) invoke(c, method, args), (String) args[0]);
                            default:
                                break;
                        }
                        return invoke(c, method, args);
                    });
            return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            return shared;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private java.sql.PreparedStatement recorded(java.sql.PreparedStatement s, String sql) {
            return (java.sql.PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.PreparedStatement.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("executeUpdate") || !sql.startsWith("delete")) {
                            return invoke(s, method, args);
                        }
                        long start = System.nanoTime();
                        int rows = (Integer) invoke(s, method, args);
                        deletes.add(new Delete(rows, Duration.ofNanos(System.nanoTime() - start).toMillis()));
                        return rows;
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws SQLException {
            if (rolledBack) {
                c.rollback();
            }
            c.close();
        }
    }
}
