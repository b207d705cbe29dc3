package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Severity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store written by the version before the ledger (schema V1: one JSON document per caller and
 * per case, one row per contact) is migrated to the latest schema, and memory reads back the same:
 * the same facts with the same sources, every contact, every recorded incident id, every change.
 */
class MemoryMigrationTest {

    private static final Path DIR = Path.of("target/memory-migration-test").toAbsolutePath();
    private static EmbeddedPostgres server;
    private static DataSource data;

    private static final String CC = "{\"department\": \"call-center\", \"decisionId\": \"d-1\", \"at\": \"2026-06-10T11:00:00+09:00\"}";
    private static final String HQ = "{\"department\": \"hq-consultation\", \"decisionId\": \"d-2\", \"at\": \"2026-06-12T15:00:00+09:00\"}";

    @BeforeAll
    static void start() throws Exception {
        PostgresServer.deleteTree(DIR);
        server = EmbeddedPostgres.builder().setDataDirectory(DIR.resolve("data")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(DIR.resolve("server").toFile()).start();
        data = server.getPostgresDatabase();
        flyway().target("1").load().migrate();
        writeAsVersionOneDid();
        flyway().load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(data).locations("classpath:db/memory").table("memory_schema_history");
    }

    /** The rows V1's MemoryStore wrote for one blocked, arrested caller with one case of three contacts. */
    private static void writeAsVersionOneDid() throws SQLException {
        try (Connection c = data.getConnection()) {
            exec(c, "insert into memory_caller values ('hmac:old-caller', ?::jsonb, '2026-06-10T02:00:05Z', '2026-06-12T06:00:05Z')",
                    "{\"police\": {\"value\": \"ARRESTED\", \"source\": " + CC + "}, \"blocked\": " + CC + ", \"warned\": null,"
                            + " \"departments\": {\"call-center\": " + CC + ", \"hq-consultation\": " + HQ + "}}");
            exec(c, "insert into memory_case values ('CASE-OLD', 'hmac:old-caller', ?::jsonb, '2026-06-10T02:00:05Z',"
                    + " '2026-06-12T06:00:05Z')", "{\"openedAt\": {\"value\": \"2026-06-01T09:00:00+09:00\", \"source\": " + CC + "},"
                    + " \"contacts\": 0, \"longestContactMinutes\": {\"value\": 90, \"source\": " + CC + "}, \"companyFault\": null,"
                    + " \"investigationComplete\": null, \"managementAnswer\": null, \"severity\": {\"value\": \"HIGH\", \"source\": "
                    + HQ + "}, \"callbacksDemanded\": null, \"departments\": {\"call-center\": " + CC + ", \"hq-consultation\": "
                    + HQ + "}, \"demandedStaff\": {\"hmac:op-7\": " + CC + "}, \"targetedStaff\": {}}");
            exec(c, "insert into memory_contact values ('CASE-OLD', 'INC-1', 'call-center', '2026-06-10T02:00:00Z', 'd-1',"
                    + " '2026-06-10T02:00:05Z')");
            exec(c, "insert into memory_contact values ('CASE-OLD', 'INC-2', 'call-center', '2026-06-11T02:00:00Z', 'd-3',"
                    + " '2026-06-11T02:00:05Z')");
            exec(c, "insert into memory_contact values ('CASE-OLD', 'INC-3', 'hq-consultation', '2026-06-12T06:00:00Z', 'd-2',"
                    + " '2026-06-12T06:00:05Z')");
            exec(c, "insert into memory_incident values ('INC-3', 'digest-3', 'd-2', 'hmac:old-caller', 'CASE-OLD', ?::jsonb,"
                    + " '2026-06-12T06:00:05Z')", "{\"caller\": {\"police\": null, \"blocked\": null, \"warned\": null,"
                    + " \"departments\": {}}, \"caseFile\": null}");
            exec(c, "insert into memory_change (at, actor, change, subject, reason) values ('2026-06-11T00:00:00Z', 'officer',"
                    + " 'FLAG', 'hmac:old-caller', 'letter from the police')");
        }
    }

    private static void exec(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static MemoryStore store() {
        return new MemoryStore(data, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    @Test
    void shouldRecallTheSameFactsWithTheSameSourcesAfterTheMigration() {
        var read = store().recall(List.of("hmac:old-caller"), "CASE-OLD", "clerk/INC-9", "INC-9");
        CallerMemory caller = read.recollection().caller();
        assertEquals(PoliceInvolvement.ARRESTED, caller.police().value());
        assertEquals(new Source("call-center", "d-1", OffsetDateTime.parse("2026-06-10T11:00:00+09:00")), caller.blocked());
        assertEquals(caller.blocked(), caller.police().source());
        assertNull(caller.warned());
        assertEquals(List.of("call-center", "hq-consultation"), List.copyOf(caller.departments().keySet()));
        CaseMemory file = read.recollection().caseFile();
        assertEquals(3, file.contacts());
        assertEquals(OffsetDateTime.parse("2026-06-01T09:00:00+09:00"), file.openedAt().value());
        assertEquals(90, file.longestContactMinutes().value());
        assertEquals(Severity.HIGH, file.severity().value());
        assertEquals("hq-consultation", file.severity().source().department());
        assertTrue(file.demandedStaff().containsKey("hmac:op-7"));
        assertEquals(2, file.departmentCount());
        assertTrue(read.knownCaller());
        assertTrue(read.prior().isEmpty());
    }

    @Test
    void shouldStillAnswerARetryOfAnIncidentRecordedBeforeTheMigration() {
        var read = store().recall(List.of("hmac:old-caller"), "CASE-OLD", "clerk/INC-3", "INC-3");
        assertTrue(read.prior().isPresent());
        assertEquals("digest-3", read.prior().get().requestDigest());
        assertTrue(read.prior().get().legacy(), "an id from before namespacing may be another system's");
    }

    @Test
    void shouldShowCaseOfficersTheSameCallerCasesContactsAndChanges() {
        CallerRecord r = store().caller("hmac:old-caller").orElseThrow();
        assertEquals(PoliceInvolvement.ARRESTED, r.caller().police().value());
        assertEquals(1, r.cases().size());
        var file = r.cases().get(0);
        assertEquals("CASE-OLD", file.caseId());
        assertEquals(3, file.facts().contacts());
        assertEquals(List.of("INC-1", "INC-2", "INC-3"), file.contacts().stream().map(CallerRecord.ContactRecord::incidentId).toList());
        assertEquals(List.of("d-1", "d-3", "d-2"), file.contacts().stream().map(CallerRecord.ContactRecord::decisionId).toList());
        assertEquals(OffsetDateTime.parse("2026-06-10T02:00:00Z").toInstant(), file.contacts().get(0).occurredAt().toInstant());
        // A contact stored before contacts kept their own offset reads as it did: in UTC, the console
        // then shows it at the case's offset.
        assertEquals(java.time.ZoneOffset.UTC, file.contacts().get(0).occurredAt().getOffset());
        assertEquals(List.of("FLAG"), r.changes().stream().map(CallerRecord.ChangeRecord::change).toList());
    }

    /** The migration that keeps each contact's offset adds a column and changes no row: every old row is there, without one. */
    @Test
    void shouldKeepEveryRowWhenContactsGetTheirOwnOffset() throws SQLException {
        try (Connection c = data.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*), count(occurred_offset_minutes), count(occurred_at)"
                     + " from memory_entry where kind = 'CONTACT'")) {
            assertTrue(r.next());
            assertEquals(3, r.getInt(1), "every contact of the old store is a row");
            assertEquals(0, r.getInt(2), "none has an offset it never stored");
            assertEquals(3, r.getInt(3), "each kept its time");
        }
    }

    @Test
    void shouldKeepRetentionCountingFromTheLastWriteBeforeTheMigration() throws SQLException {
        try (Connection c = data.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select max(received_at) from memory_entry where subject = 'CASE-OLD'")) {
            r.next();
            assertEquals(OffsetDateTime.parse("2026-06-12T06:00:05Z").toInstant(), r.getObject(1, OffsetDateTime.class).toInstant());
        }
        try (Connection c = data.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from information_schema.tables where table_name in"
                     + " ('memory_caller', 'memory_case', 'memory_contact')")) {
            r.next();
            assertFalse(r.getInt(1) > 0, "the V1 tables are gone once their rows are in the ledger");
        }
    }
}
