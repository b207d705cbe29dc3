package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL, as several instances use it: each "instance" here is its own
 * connection pool, so nothing but the database keeps them consistent.
 */
class MemoryStoreTest {

    private static final Path DIR = Path.of("target/memory-store-test").toAbsolutePath();
    private static final UnaryOperator<String> KEY = id -> "hmac:" + id;
    private static MemoryDatabase database;

    @BeforeAll
    static void start() {
        PostgresServer.deleteTree(DIR);
        database = MemoryDatabase.embedded(DIR, 8, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static MemoryStore store() {
        return new MemoryStore(database.data(), Clock.systemUTC(), Duration.ofSeconds(2));
    }

    private static Incident incident(String incidentId, String department, String fields) {
        return new IncidentReader().read(("{\"incidentId\": \"" + incidentId + "\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\","
                + " \"channel\": \"PHONE\", \"department\": \"" + department + "\", " + fields + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean record(MemoryStore store, Incident i, Set<ActionCode> decided) {
        return store.record(Contribution.of(i, UUID.randomUUID().toString(), decided, KEY), i.incidentId(), "digest",
                Recollection.NONE);
    }

    @Test
    void shouldLoseNoContactAndNoFlagWhenInstancesRecordTheSameCallerAndCaseAtOnce() throws Exception {
        var other = new org.postgresql.ds.PGSimpleDataSource();
        other.setUrl(database.embeddedUrl());
        List<MemoryStore> instances = List.of(store(), new MemoryStore(other, Clock.systemUTC(), Duration.ofSeconds(5)));
        String run = UUID.randomUUID().toString();
        int decisions = 400;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int n = 0; n < decisions; n++) {
            int i = n;
            done.add(pool.submit(() -> {
                String caller = run + "-caller-" + (i % 4);
                Set<ActionCode> decided = i == 17 ? EnumSet.of(ActionCode.BLOCK_CALLER) : EnumSet.noneOf(ActionCode.class);
                Incident incident = incident(run + "-inc-" + i, "dept-" + (i % 5), "\"caseId\": \"" + run + "-case-"
                        + (i % 10) + "\", \"caller\": {\"callerId\": \"" + caller + "\"" + (i == 3 ? ", \"warnedBefore\": true" : "") + "}");
                return record(instances.get(i % 2), incident, decided);
            }));
        }
        for (Future<Boolean> f : done) {
            assertTrue(f.get());
        }
        pool.shutdown();
        MemoryStore reader = store();
        for (int k = 0; k < 10; k++) {
            CaseMemory file = reader.recall(null, run + "-case-" + k, null).recollection().caseFile();
            assertEquals(decisions / 10, file.contacts(), "contacts of case " + k);
            assertEquals(Set.of("dept-" + (k % 5)), file.departments().keySet());
        }
        assertNotNull(reader.recall(KEY.apply(run + "-caller-1"), null, null).recollection().caller().blocked(),
                "the block decided for caller 1 was lost");
        assertNotNull(reader.recall(KEY.apply(run + "-caller-3"), null, null).recollection().caller().warned(),
                "the warning reported for caller 3 was lost");
        assertEquals(5, reader.recall(KEY.apply(run + "-caller-0"), null, null).recollection().caller().departments().size());
    }

    @Test
    void shouldCountAnIncidentOnceWhenItsRetryRacesTheOriginal() throws Exception {
        String run = UUID.randomUUID().toString();
        Incident incident = incident(run + "-same", "call-center", "\"caseId\": \"" + run + "-case\"");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger recorded = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                if (record(store(), incident, Set.of())) {
                    recorded.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(1, recorded.get());
        assertEquals(1, store().recall(null, run + "-case", null).recollection().caseFile().contacts());
        assertTrue(store().recall(null, null, run + "-same").prior().isPresent());
    }

    @Test
    void shouldPurgeWhatWasLastWrittenBeforeTheRetentionAndKeepTheRest() {
        String run = UUID.randomUUID().toString();
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        MemoryStore past = new MemoryStore(database.data(), Clock.fixed(longAgo, ZoneOffset.UTC), Duration.ofSeconds(2));
        record(past, incident(run + "-old", "call-center", "\"caseId\": \"" + run + "-old-case\", \"caller\": {\"callerId\": \""
                + run + "-old-caller\", \"blocked\": true}"), Set.of());
        record(store(), incident(run + "-new", "call-center", "\"caseId\": \"" + run + "-new-case\", \"caller\": {\"callerId\": \""
                + run + "-new-caller\", \"blocked\": true}"), Set.of());
        assertTrue(store().purge(longAgo.plusSeconds(1), "test") >= 3);
        var old = store().recall(KEY.apply(run + "-old-caller"), run + "-old-case", run + "-old");
        assertEquals(Recollection.NONE, old.recollection());
        assertTrue(old.prior().isEmpty());
        assertNotNull(store().recall(KEY.apply(run + "-new-caller"), null, null).recollection().caller().blocked());
    }

    @Test
    void shouldKeepMemoryAcrossARestartOfTheEmbeddedStore() {
        Path dir = Path.of("target/memory-restart-test").toAbsolutePath();
        PostgresServer.deleteTree(dir);
        Incident incident = incident("restart-1", "call-center", "\"caseId\": \"restart-case\", \"caller\": {\"callerId\": \"R\","
                + " \"policeInvolvement\": \"ARRESTED\"}");
        try (MemoryDatabase first = MemoryDatabase.embedded(dir, 2, Duration.ofSeconds(2))) {
            record(new MemoryStore(first.data(), Clock.systemUTC(), Duration.ofSeconds(2)), incident, Set.of(ActionCode.BLOCK_CALLER));
        }
        try (MemoryDatabase again = MemoryDatabase.embedded(dir, 2, Duration.ofSeconds(2))) {
            var read = new MemoryStore(again.data(), Clock.systemUTC(), Duration.ofSeconds(2))
                    .recall(KEY.apply("R"), "restart-case", "restart-1");
            assertNotNull(read.recollection().caller().blocked());
            assertEquals(1, read.recollection().caseFile().contacts());
            assertTrue(read.prior().isPresent());
        }
    }

    @Test
    void shouldCommitDurablyOnTheEmbeddedStore() throws Exception {
        try (var c = database.data().getConnection(); var r = c.createStatement().executeQuery("show synchronous_commit")) {
            r.next();
            assertEquals("on", r.getString(1), "a 200 must mean the record survives a crash");
        }
    }

    @Test
    void shouldReportAnUnreachableStoreAsUnavailable() {
        var nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        MemoryStore store = new MemoryStore(nowhere, Clock.systemUTC(), Duration.ofSeconds(1));
        assertThrows(MemoryUnavailableException.class, () -> store.recall("k", "c", "i"));
        assertThrows(MemoryUnavailableException.class, () -> record(store, incident("u", "x", "\"caseId\": \"c\""), Set.of()));
    }
}
