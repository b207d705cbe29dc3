package io.frontlineguard.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Case memory in SQL: one read transaction before a decision, one write transaction after it.
 * Facts of a caller or a case are combined under that row's lock ({@code select … for update}),
 * contacts and incident ids are rows whose primary keys make a retry count once, so instances
 * sharing one database lose no contact and no flag to each other. The clock here only stamps
 * when rows were written, for the retention purge; the facts carry the incidents' own times.
 */
public final class MemoryStore {

    private final DataSource data;
    private final Clock clock;
    private final int timeoutSeconds;

    public MemoryStore(DataSource data, Clock clock, java.time.Duration timeout) {
        this.data = data;
        this.clock = clock;
        this.timeoutSeconds = (int) Math.max(1, Math.ceil(timeout.toMillis() / 1000.0));
    }

    /** An incident id recorded before: a retry, answered from the recollection stored with it. */
    public record Prior(String requestDigest, String decisionId, Recollection recollection) {
    }

    public record Recalled(Recollection recollection, Optional<Prior> prior) {
    }

    public Recalled recall(String callerKey, String caseId, String incidentId) {
        // One statement is one snapshot: a read transaction in a single round trip, no BEGIN or COMMIT.
        return snapshot(c -> {
            try (PreparedStatement s = prepare(c, "select"
                    + " (select facts from memory_caller where caller_key = ?),"
                    + " (select facts from memory_case where case_id = ?),"
                    + " (select count(*) from memory_contact where case_id = ?),"
                    + " (select request_digest from memory_incident where incident_id = ?),"
                    + " (select decision_id from memory_incident where incident_id = ?),"
                    + " (select recollection from memory_incident where incident_id = ?)",
                    callerKey, caseId, caseId, incidentId, incidentId, incidentId); ResultSet r = s.executeQuery()) {
                r.next();
                CallerMemory caller = r.getString(1) == null ? CallerMemory.NONE : MemoryJson.read(r.getString(1), CallerMemory.class);
                CaseMemory file = r.getString(2) == null ? CaseMemory.NONE
                        : MemoryJson.read(r.getString(2), CaseMemory.class).withContacts(r.getInt(3));
                Optional<Prior> prior = r.getString(4) == null ? Optional.empty() : Optional.of(new Prior(r.getString(4),
                        r.getString(5), MemoryJson.read(r.getString(6), Recollection.class)));
                return new Recalled(new Recollection(caller, file), prior);
            }
        });
    }

    /**
     * Records one decided incident. False when its incident id was recorded meanwhile by another
     * request (a retry that raced the original): then nothing is added, so it still counts once.
     */
    public boolean record(Contribution k, String incidentId, String requestDigest, Recollection recollection) {
        return write(c -> {
            Timestamp now = Timestamp.from(clock.instant());
            if (incidentId != null) {
                int inserted = update(c, "insert into memory_incident (incident_id, request_digest, decision_id, caller_key,"
                        + " case_id, recollection, recorded_at) values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing",
                        incidentId, requestDigest, k.contact().decisionId(), k.callerKey(), k.caseId(),
                        MemoryJson.write(recollection), now);
                if (inserted == 0) {
                    return false;
                }
            }
            if (k.caller() != null) {
                combine(c, "memory_caller", "caller_key", k.callerKey(), k.caller(), CallerMemory.class,
                        CallerMemory::combine, null, now);
            }
            if (k.caseFile() != null) {
                combine(c, "memory_case", "case_id", k.caseId(), k.caseFile(), CaseMemory.class, CaseMemory::combine,
                        k.callerKey(), now);
                var contact = k.contact();
                update(c, "insert into memory_contact (case_id, incident_key, department, occurred_at, decision_id,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", k.caseId(),
                        contact.incidentKey(), contact.department(), contact.occurredAt(), contact.decisionId(), now);
            }
            return true;
        });
    }

    /** A change a person makes to memory, with who, why and (for a lifted block) who approved it. */
    public record Change(String actor, String change, String reason, String approvedBy, Map<String, Object> detail) {
    }

    /** Adds a flag recorded by hand (police, legal, another source) and logs the change. */
    public void flag(String callerKey, CallerMemory flag, Change change) {
        write(c -> {
            Timestamp now = Timestamp.from(clock.instant());
            combine(c, "memory_caller", "caller_key", callerKey, flag, CallerMemory.class, CallerMemory::combine, null, now);
            logChange(c, callerKey, change, now);
            return null;
        });
    }

    /** Lifts a caller's block; false when memory holds no block for them. */
    public boolean liftBlock(String callerKey, Change change) {
        return write(c -> {
            Optional<CallerMemory> current = facts(c, "select facts from memory_caller where caller_key = ? for update",
                    callerKey, CallerMemory.class);
            if (current.isEmpty() || current.get().blocked() == null) {
                return false;
            }
            Timestamp now = Timestamp.from(clock.instant());
            update(c, "update memory_caller set facts = ?::jsonb, last_recorded = ? where caller_key = ?",
                    MemoryJson.write(current.get().withoutBlock()), now, callerKey);
            logChange(c, callerKey, change, now);
            return true;
        });
    }

    /**
     * Erases everything about one caller: their facts, their cases with every contact, their
     * recorded incidents, and their pseudonym from earlier change entries. The change entry that
     * records the erasure names no one. Returns the number of rows removed.
     */
    public int erase(String callerKey, Change change) {
        return write(c -> {
            int removed = update(c, "delete from memory_incident where caller_key = ? or case_id in"
                    + " (select case_id from memory_case where caller_key = ?)", callerKey, callerKey);
            removed += update(c, "delete from memory_case where caller_key = ?", callerKey);
            removed += update(c, "delete from memory_caller where caller_key = ?", callerKey);
            update(c, "update memory_change set subject = null where subject = ?", callerKey);
            logChange(c, null, change, Timestamp.from(clock.instant()));
            return removed;
        });
    }

    /** Deletes what was last written before {@code before}; returns the rows removed. */
    public int purge(Instant before, String actor) {
        return write(c -> {
            Timestamp cutoff = Timestamp.from(before);
            int removed = update(c, "delete from memory_incident where recorded_at < ?", cutoff);
            removed += update(c, "delete from memory_case where last_recorded < ?", cutoff);
            removed += update(c, "delete from memory_caller where last_recorded < ?", cutoff);
            if (removed > 0) {
                logChange(c, null, new Change(actor, "PURGE", "retention", null,
                        Map.of("before", before.toString(), "rows", removed)), Timestamp.from(clock.instant()));
            }
            return removed;
        });
    }

    /** One caller as a case officer sees it; empty when memory knows nothing of them. */
    public Optional<CallerRecord> caller(String callerKey) {
        return read(c -> {
            Optional<CallerMemory> facts = facts(c, "select facts from memory_caller where caller_key = ?", callerKey,
                    CallerMemory.class);
            List<CallerRecord.CaseRecord> cases = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "select case_id from memory_case where caller_key = ? order by case_id",
                    callerKey); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String caseId = r.getString(1);
                    cases.add(new CallerRecord.CaseRecord(caseId, caseFile(c, caseId).orElseThrow(), contacts(c, caseId)));
                }
            }
            if (facts.isEmpty() && cases.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CallerRecord(facts.orElse(CallerMemory.NONE), cases, changes(c, callerKey)));
        });
    }

    private Optional<CaseMemory> caseFile(Connection c, String caseId) throws SQLException {
        Optional<CaseMemory> facts = facts(c, "select facts from memory_case where case_id = ?", caseId, CaseMemory.class);
        if (facts.isEmpty()) {
            return facts;
        }
        try (PreparedStatement s = prepare(c, "select count(*) from memory_contact where case_id = ?", caseId);
             ResultSet r = s.executeQuery()) {
            r.next();
            return Optional.of(facts.get().withContacts(r.getInt(1)));
        }
    }

    private List<CallerRecord.ContactRecord> contacts(Connection c, String caseId) throws SQLException {
        List<CallerRecord.ContactRecord> contacts = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "select incident_key, department, occurred_at, decision_id from memory_contact"
                + " where case_id = ? order by occurred_at, incident_key", caseId); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                contacts.add(new CallerRecord.ContactRecord(r.getString(1), r.getString(2),
                        r.getObject(3, OffsetDateTime.class), r.getString(4)));
            }
        }
        return contacts;
    }

    private List<CallerRecord.ChangeRecord> changes(Connection c, String callerKey) throws SQLException {
        List<CallerRecord.ChangeRecord> changes = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "select at, actor, change, reason, approved_by from memory_change"
                + " where subject = ? order by id", callerKey); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                changes.add(new CallerRecord.ChangeRecord(r.getObject(1, OffsetDateTime.class), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        return changes;
    }

    /**
     * Combines a contribution into one row under its lock: the insert either creates the row (then
     * the contribution is all it holds) or, on conflict, locks the existing row and returns its
     * facts, which are combined in Java and written back if that changed them. Two round trips at most.
     */
    private <T> void combine(Connection c, String table, String keyColumn, String key, T contribution, Class<T> type,
                             java.util.function.BinaryOperator<T> combine, String callerKey, Timestamp now)
            throws SQLException {
        boolean isCase = table.equals("memory_case");
        String sql = "insert into " + table + " (" + keyColumn + (isCase ? ", caller_key" : "")
                + ", facts, first_recorded, last_recorded) values (?" + (isCase ? ", ?" : "") + ", ?::jsonb, ?, ?)"
                + " on conflict (" + keyColumn + ") do update set last_recorded = excluded.last_recorded"
                + (isCase ? ", caller_key = coalesce(" + table + ".caller_key, excluded.caller_key)" : "")
                + " returning (xmax = 0), facts";
        String json = MemoryJson.write(contribution);
        try (PreparedStatement s = isCase ? prepare(c, sql, key, callerKey, json, now, now) : prepare(c, sql, key, json, now, now);
             ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getBoolean(1)) {
                return;
            }
            T current = MemoryJson.read(r.getString(2), type);
            T merged = combine.apply(current, contribution);
            if (merged.equals(current)) {
                return; // most contacts teach nothing new about the caller: no second write
            }
            update(c, "update " + table + " set facts = ?::jsonb where " + keyColumn + " = ?", MemoryJson.write(merged), key);
        }
    }

    private void logChange(Connection c, String subject, Change change, Timestamp now) throws SQLException {
        update(c, "insert into memory_change (at, actor, change, subject, reason, approved_by, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?::jsonb)", now, change.actor(), change.change(), subject,
                change.reason(), change.approvedBy(), change.detail() == null ? null : MemoryJson.write(change.detail()));
    }

    private <T> Optional<T> facts(Connection c, String sql, String key, Class<T> type) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, key); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(MemoryJson.read(r.getString(1), type)) : Optional.empty();
        }
    }

    private int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(timeoutSeconds);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof OffsetDateTime t) {
                s.setObject(i + 1, t.withOffsetSameInstant(ZoneOffset.UTC));
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return transaction(work, true);
    }

    /** A single statement in autocommit mode: PostgreSQL runs it as one transaction on one snapshot. */
    private <T> T snapshot(Work<T> work) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new MemoryUnavailableException("case memory is unavailable: " + e.getMessage(), e);
        }
    }

    private <T> T write(Work<T> work) {
        return transaction(work, false);
    }

    private <T> T transaction(Work<T> work, boolean readOnly) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(readOnly);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new MemoryUnavailableException("case memory is unavailable: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction died with it
        }
    }
}
