package io.frontlineguard.memory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Case memory as an append-only ledger in SQL ({@code memory_entry}): every row is what one
 * system asserted about one caller or one case, with who asserted it and when the service
 * received it. A decision costs one read statement (the entries of its caller and case since
 * their last snapshot, and its incident id's row) folded in Java ({@link LedgerFold}), and a share
 * of one write statement that inserts the incident rows of the decisions waiting together (group
 * commit, {@link LedgerWriter}) and, only for those rows that are new, their entries: no
 * row lock, no read-modify-write, so instances sharing one database never wait for each other
 * and a retry that races its original still counts once. Long histories are compacted into
 * snapshot rows ({@link #compact}) so reads stay short. The clock stamps when rows were received;
 * it orders facts and drives retention, and the incidents' own times order nothing.
 */
public final class MemoryStore {

    /**
     * A subject with more entries than this since its last snapshot is compacted after the decision:
     * every read folds what came since, so a busy caller's reads stay short.
     */
    static final int COMPACT_AFTER = 16;
    /** Ids the retention purge looks at per statement: each batch is short, its own transaction. */
    static final int PURGE_WINDOW = 1000;
    /**
     * How many store timeouts old an entry must be before compaction folds it. A write's id is taken
     * before it commits, so an insert still in flight may hold a smaller id than one already visible.
     * An entry is stamped once its write holds a connection, and the server cancels any statement
     * after one timeout: after two, nothing stamped before is still in flight.
     */
    static final int SETTLED_TIMEOUTS = 2;

    private static final String COLUMNS = "id, subject_type, subject, caller_key, kind, facts::text, detail::text,"
            + " asserted_by, department, received_at, occurred_at, decision_id, incident_key, covers, occurred_offset_minutes";
    private static final String SINCE_SNAPSHOT = "e.id > coalesce((select max(s.covers) from memory_entry s"
            + " where s.subject_type = e.subject_type and s.subject = e.subject and s.kind = 'SNAPSHOT'), 0)";

    /**
     * A decision's read: each subject's last snapshot is looked up once, then its entries since are
     * an index range. Parameters: caller keys, case id, caller keys, case id, incident key, legacy id.
     * Planned once per connection (StoreTimeouts.GENERIC_PLANS); StorePlanTest holds its plan.
     */
    static final String RECALL = "with p as (select coalesce(max(covers), 0) c from memory_entry where subject_type = 'P'"
            + " and subject = any(?) and kind = 'SNAPSHOT'), k as (select coalesce(max(covers), 0) c from memory_entry"
            + " where subject_type = 'C' and subject = ? and kind = 'SNAPSHOT')"
            + " select " + COLUMNS + " from memory_entry e where (e.subject_type = 'P' and e.subject = any(?)"
            + " and e.id > (select c from p)) or (e.subject_type = 'C' and e.subject = ? and e.id > (select c from k))"
            + " union all select -1, 'I', null, null, case when legacy then 'LEGACY' else 'OWN' end, recollection::text,"
            + " null, request_digest, null, null, null, decision_id, null, null, null from memory_incident"
            + " where incident_id = ? or (incident_id = ? and legacy)";

    private final DataSource data;
    private final Clock clock;
    private final Jdbc jdbc;
    private final java.time.Duration settled;
    /**
     * This store's rows parsed once for every fold: the recent rows of about a thousand busy
     * subjects (their entries since their last snapshot), a few tens of MiB at most. Per store, not
     * per process, so an erasure or purge clears exactly the cache of the database it changed.
     */
    private final ParsedFacts parsed = new ParsedFacts(20_000);

    public MemoryStore(DataSource data, Clock clock, java.time.Duration timeout) {
        this.data = data;
        this.clock = clock;
        this.jdbc = new Jdbc(timeout, "case memory is unavailable");
        this.settled = timeout.multipliedBy(SETTLED_TIMEOUTS);
    }

    /**
     * An incident id recorded before: a retry, answered from the recollection stored with it.
     * {@code legacy}: recorded before ids were namespaced by system, so its decision id may be another system's.
     */
    public record Prior(String requestDigest, String decisionId, Recollection recollection, boolean legacy) {

        public Prior(String requestDigest, String decisionId, Recollection recollection) {
            this(requestDigest, decisionId, recollection, false);
        }
    }

    /**
     * What a decision read. {@code knownCaller}: memory holds entries of this caller;
     * {@code staleKeys}: pseudonyms under older keys the caller was found under, to move.
     */
    public record Recalled(Recollection recollection, Optional<Prior> prior, boolean knownCaller, List<String> staleKeys,
                           boolean compactCaller, boolean compactCase) {

        public Recalled(Recollection recollection, Optional<Prior> prior) {
            this(recollection, prior, false, List.of(), false, false);
        }
    }

    /** Reads under one key; see {@link #recall(List, String, String, String)}. */
    public Recalled recall(String callerKey, String caseId, String incidentId) {
        return recall(callerKey == null ? List.of() : List.of(callerKey), caseId, incidentId, null);
    }

    /**
     * One statement, one snapshot: the caller's entries under every key of the ring
     * ({@code callerKeys}, newest first), the case's entries, each since its last snapshot, and
     * the incident row under its namespaced key (or, for an id recorded before namespacing, its
     * {@code legacyIncidentId}).
     */
    public Recalled recall(List<String> callerKeys, String caseId, String incidentKey, String legacyIncidentId) {
        return snapshot(c -> {
            List<LedgerEntry> entries = new ArrayList<>();
            Prior prior = null;
            Array keys = keys(c, callerKeys);
            try (PreparedStatement s = prepare(c, RECALL, keys, caseId, keys, caseId, incidentKey, legacyIncidentId);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getLong(1) == -1) {
                        Prior found = new Prior(r.getString(8), r.getString(12),
                                MemoryJson.read(r.getString(6), Recollection.class), "LEGACY".equals(r.getString(5)));
                        prior = prior == null || prior.legacy() ? found : prior;
                    } else {
                        entries.add(entry(r));
                    }
                }
            }
            LedgerFold fold = LedgerFold.of(entries, parsed);
            List<String> stale = callerKeys.isEmpty() ? List.of()
                    : fold.callerKeys().stream().filter(k -> !k.equals(callerKeys.get(0))).toList();
            return new Recalled(new Recollection(fold.caller(), fold.caseFile()), Optional.ofNullable(prior),
                    fold.knowsCaller(), stale, fold.callerEntries() > COMPACT_AFTER, fold.caseEntries() > COMPACT_AFTER);
        });
    }

    /** Records under the legacy, un-namespaced incident id; for tools and tests. */
    public boolean record(Contribution k, String incidentId, String requestDigest, Recollection recollection) {
        return record(k, incidentId, requestDigest, recollection, "anonymous");
    }

    /**
     * Records one decided incident in one statement. False when its incident key was recorded
     * meanwhile by another request (a retry that raced the original): then nothing is added, so
     * it still counts once.
     */
    public boolean record(Contribution k, String incidentKey, String requestDigest, Recollection recollection,
                          String system) {
        return record(List.of(new Write(k, incidentKey, requestDigest, recollection, system))).get(0);
    }

    /** One decided incident to record: what it contributes, under which incident key, and its retry's answer. */
    public record Write(Contribution contribution, String incidentKey, String requestDigest, Recollection recollection,
                        String system) {
    }

    /**
     * Records decided incidents together: one statement, so one transaction and one commit for all
     * of them (see {@link LedgerWriter}), and either all are recorded or none. For each, in order,
     * whether it was recorded: false when its incident key was recorded before, by another request
     * or by an earlier write of the same batch (a retry racing its original still counts once).
     * Every row of the batch is stamped with one receipt time, taken once the batch holds its
     * connection, as a single write's rows are; their ids follow the batch's order.
     */
    public List<Boolean> record(List<Write> writes) {
        List<Boolean> recorded = new ArrayList<>(writes.size());
        java.util.Set<String> keys = new java.util.HashSet<>();
        LedgerRows rows = new LedgerRows();
        for (Write w : writes) {
            // The first write of an incident key in the batch is the original; a later one, a retry that raced it.
            boolean first = w.incidentKey() == null || keys.add(w.incidentKey());
            recorded.add(first);
            if (first) {
                rows.add(w);
            }
        }
        java.util.Set<String> inserted = snapshot(c -> rows.insert(c, now(), jdbc));
        for (int i = 0; i < writes.size(); i++) {
            String key = writes.get(i).incidentKey();
            if (recorded.get(i) && key != null && !inserted.contains(key)) {
                recorded.set(i, false);
            }
        }
        return recorded;
    }

    /**
     * Moves a caller found under older keys of the ring to the newest: their entries and recorded
     * incidents are re-keyed in one transaction. Idempotent, so instances racing it do no harm.
     */
    public void rekey(List<String> staleKeys, String newestKey) {
        write(c -> {
            for (String old : staleKeys) {
                update(c, "update memory_entry set subject = ? where subject_type = 'P' and subject = ?", newestKey, old);
                update(c, "update memory_entry set caller_key = ? where caller_key = ?", newestKey, old);
                update(c, "update memory_incident set caller_key = ? where caller_key = ?", newestKey, old);
                update(c, "update memory_change set subject = ? where subject = ?", newestKey, old);
            }
            return null;
        });
    }

    /** A change a person makes to memory, with who, why and (for a lifted block) who approved it. */
    public record Change(String actor, String change, String reason, String approvedBy, Map<String, Object> detail) {
    }

    /** Adds a flag recorded by hand (police, legal, another source) and logs the change. */
    public void flag(String callerKey, CallerMemory flag, Change change) {
        write(c -> {
            OffsetDateTime now = now();
            Source by = new Source(null, null, now, change.actor(), now, null);
            insertEntry(c, callerKey, "FLAG", MemoryJson.write(stamped(flag, by)), null, change.actor(), now);
            logChange(c, callerKey, change, now);
            return null;
        });
    }

    /** The flag's sources say who recorded it and when, beside the department it names. */
    private static CallerMemory stamped(CallerMemory flag, Source by) {
        java.util.function.UnaryOperator<Source> stamp = s -> s == null ? null
                : new Source(s.department(), s.decisionId(), s.at(), by.assertedBy(), by.receivedAt(), null);
        return new CallerMemory(flag.police() == null ? null : Sourced.of(flag.police().value(), stamp.apply(flag.police().source())),
                stamp.apply(flag.blocked()), stamp.apply(flag.warned()), flag.departments());
    }

    /** Lifts every block of a caller; false when memory holds no block for them. */
    public boolean liftBlock(String callerKey, Change change) {
        return !liftBlocks(callerKey, null, change).isEmpty();
    }

    /**
     * Lifts the blocks of {@code sources} (see {@link CallerMemory#blocks}; null: every block) that
     * still block the caller, and returns those it lifted: none when none of them blocks any more.
     * A block of another source stays, so the caller stays blocked. The ledger entry and the change
     * log name the blocks lifted.
     */
    public List<String> liftBlocks(String callerKey, java.util.Collection<String> sources, Change change) {
        return write(c -> {
            CallerMemory current = callerFold(c, callerKey).caller();
            List<String> lifting = current.blocks().keySet().stream()
                    .filter(b -> sources == null || sources.contains(b)).toList();
            if (lifting.isEmpty()) {
                return List.of();
            }
            OffsetDateTime now = now();
            insertEntry(c, callerKey, "LIFT", null, MemoryJson.write(Map.of("blocks", lifting)), change.actor(), now);
            Map<String, Object> detail = new LinkedHashMap<>(change.detail() == null ? Map.of() : change.detail());
            detail.put("blocks", lifting);
            logChange(c, callerKey, new Change(change.actor(), change.change(), change.reason(), change.approvedBy(), detail),
                    now);
            return lifting;
        });
    }

    /**
     * Corrects one fact (see {@link Corrections}) to {@code value}; the change log keeps the value
     * before and after. Empty when memory knows nothing of the caller; otherwise the value before.
     */
    public Optional<String> correct(String callerKey, String fact, String value, Change change) {
        return write(c -> {
            LedgerFold fold = callerFold(c, callerKey);
            if (!fold.knowsCaller()) {
                return Optional.empty();
            }
            String before = Corrections.current(fold.caller(), fact);
            OffsetDateTime now = now();
            insertEntry(c, callerKey, "CORRECTION", null, MemoryJson.write(Map.of("fact", fact, "value", value)),
                    change.actor(), now);
            Map<String, Object> detail = new LinkedHashMap<>(change.detail() == null ? Map.of() : change.detail());
            detail.put("fact", fact);
            detail.put("before", before);
            detail.put("after", value);
            logChange(c, callerKey, new Change(change.actor(), change.change(), change.reason(), change.approvedBy(), detail),
                    now);
            return Optional.of(before);
        });
    }

    private void insertEntry(Connection c, String callerKey, String kind, String facts, String detail, String actor,
                             OffsetDateTime now) throws SQLException {
        update(c, "insert into memory_entry (subject_type, subject, caller_key, kind, facts, detail, asserted_by,"
                + " received_at) values ('P', ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)", callerKey, callerKey, kind, facts, detail,
                actor, now);
    }

    /**
     * Folds a subject's entries into one snapshot row, so that its reads stay short however long its
     * history. Off the decision's path; an advisory lock lets one instance at a time compact a subject.
     * The snapshot is stamped when it is written, as the newest row of its subject: compaction follows
     * a decision on the subject, so retention counts from (practically) the same time.
     * Only entries received {@link #SETTLED_TIMEOUTS} store timeouts ago are folded: an insert still in
     * flight may hold a smaller id than one already committed, and must not end up behind the snapshot.
     */
    public boolean compact(char subjectType, String subject) {
        return write(c -> {
            try (PreparedStatement s = prepare(c, "select pg_try_advisory_xact_lock(hashtext(?))", subjectType + ":" + subject);
                 ResultSet r = s.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    return false;
                }
            }
            OffsetDateTime horizon = now().minus(settled);
            List<LedgerEntry> since = entries(c, subjectType, subject);
            // A snapshot is stamped when written, later than the unsettled entries it left behind: it
            // stands where the rows it folds end, so it joins the fold by position, whatever its stamp.
            long covers = since.stream().filter(e -> !e.snapshot() && e.receivedAt().isBefore(horizon))
                    .mapToLong(LedgerEntry::id).max().orElse(0);
            List<LedgerEntry> entries = since.stream().filter(e -> e.position() <= covers).toList();
            if (entries.size() <= 1) {
                return false;
            }
            LedgerFold fold = LedgerFold.of(entries, parsed);
            OffsetDateTime received = now();
            boolean person = subjectType == LedgerEntry.PERSON;
            update(c, "insert into memory_entry (subject_type, subject, caller_key, kind, facts, detail, asserted_by,"
                    + " received_at, covers) values (?, ?, ?, 'SNAPSHOT', ?::jsonb, ?::jsonb, 'compaction', ?, ?)",
                    String.valueOf(subjectType), subject, person ? subject : callerOf(entries),
                    MemoryJson.write(person ? fold.caller() : fold.caseFile()),
                    person ? null : MemoryJson.write(Map.of("contacts", fold.contacts())), received, covers);
            return true;
        });
    }

    /** The caller a case's snapshot names, for erasure: the latest one its entries name. */
    private static String callerOf(List<LedgerEntry> entries) {
        String caller = null;
        for (LedgerEntry e : entries) {
            caller = e.callerKey() != null ? e.callerKey() : caller;
        }
        return caller;
    }

    /**
     * Erases everything about one caller: every entry about them and about their cases, their
     * recorded incidents, and their pseudonym from earlier change entries. The change entry that
     * records the erasure names no one. Returns the number of rows removed.
     */
    public int erase(String callerKey, Change change) {
        return erase(List.of(callerKey), change);
    }

    /** Erases a caller under every key of the ring. */
    public int erase(List<String> callerKeys, Change change) {
        return write(c -> {
            Array keys = keys(c, callerKeys);
            String cases = "select subject from memory_entry where subject_type = 'C' and caller_key = any(?)";
            int removed = update(c, "delete from memory_incident where caller_key = any(?) or case_id in (" + cases + ")",
                    keys, keys);
            removed += update(c, "delete from memory_entry where caller_key = any(?) or (subject_type = 'C' and subject in ("
                    + cases + "))", keys, keys);
            update(c, "update memory_change set subject = null where subject = any(?)", keys);
            logChange(c, null, change, now());
            parsed.forget();
            return removed;
        });
    }

    /**
     * Deletes what was last written before {@code before}: every entry of a caller or case whose
     * newest entry is older, and incident rows recorded before it. In batches of at most
     * {@link #PURGE_WINDOW} ids, each its own short transaction, so no statement comes near the
     * statement timeout however much there is to purge. Returns the rows removed.
     */
    public int purge(Instant before, String actor) {
        return purge(before, actor, PURGE_WINDOW);
    }

    /** {@link #purge(Instant, String)} with another window: a test makes it small to prove each statement's bound. */
    int purge(Instant before, String actor, int window) {
        OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
        long[] range = snapshot(c -> {
            try (PreparedStatement s = prepare(c, "select coalesce(min(id), 0), coalesce(max(id), 0) from memory_entry");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        });
        // The whole ledger, window by window: old entries of a subject seen since stay where they are,
        // so no index on received_at could skip past them, and none is kept on the write path.
        int removed = 0;
        for (long from = range[0] - 1; from < range[1]; from += window) {
            long start = from;
            // A subject's newest row (by id) is its latest: entries are stamped on receipt, snapshots when written.
            removed += snapshot(c -> update(c, "delete from memory_entry e where e.id > ? and e.id <= ? and e.received_at < ?"
                    + " and (select n.received_at from memory_entry n where n.subject_type = e.subject_type"
                    + " and n.subject = e.subject order by n.id desc limit 1) < ?", start, start + window, cutoff, cutoff));
        }
        int batch;
        do {
            batch = snapshot(c -> update(c, "delete from memory_incident where ctid = any(array(select ctid from memory_incident"
                    + " where recorded_at < ? limit " + window + "))", cutoff));
            removed += batch;
        } while (batch > 0);
        if (removed > 0) {
            parsed.forget();
            int rows = removed;
            write(c -> {
                logChange(c, null, new Change(actor, "PURGE", "retention", null,
                        Map.of("before", before.toString(), "rows", rows)), now());
                return null;
            });
        }
        return removed;
    }

    /** One caller as a case officer sees it; empty when memory knows nothing of them. */
    public Optional<CallerRecord> caller(String callerKey) {
        return caller(List.of(callerKey));
    }

    /** One caller under every key of the ring. */
    public Optional<CallerRecord> caller(List<String> callerKeys) {
        return read(c -> {
            LedgerFold person = fold(c, "e.subject_type = 'P' and e.subject = any(?)", keys(c, callerKeys));
            List<CallerRecord.CaseRecord> cases = new ArrayList<>();
            List<String> caseIds = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "select distinct subject from memory_entry where subject_type = 'C'"
                    + " and caller_key = any(?) order by subject", keys(c, callerKeys)); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    caseIds.add(r.getString(1));
                }
            }
            for (String caseId : caseIds) {
                LedgerFold file = fold(c, "e.subject_type = 'C' and e.subject = ?", caseId);
                cases.add(new CallerRecord.CaseRecord(caseId, file.caseFile(), file.contacts()));
            }
            if (!person.knowsCaller() && cases.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CallerRecord(person.caller(), cases, changes(c, callerKeys)));
        });
    }

    private LedgerFold callerFold(Connection c, String callerKey) throws SQLException {
        return LedgerFold.of(entries(c, LedgerEntry.PERSON, callerKey), parsed);
    }

    private List<LedgerEntry> entries(Connection c, char subjectType, String subject) throws SQLException {
        return fetch(c, "e.subject_type = ? and e.subject = ?", String.valueOf(subjectType), subject);
    }

    private LedgerFold fold(Connection c, String where, Object param) throws SQLException {
        return LedgerFold.of(fetch(c, where, param), parsed);
    }

    private List<LedgerEntry> fetch(Connection c, String where, Object... params) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "select " + COLUMNS + " from memory_entry e where " + where + " and "
                + SINCE_SNAPSHOT, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                entries.add(entry(r));
            }
        }
        return entries;
    }

    private static LedgerEntry entry(ResultSet r) throws SQLException {
        long covers = r.getLong(14);
        Long snapshotCovers = r.wasNull() ? null : covers;
        return new LedgerEntry(r.getLong(1), r.getString(2).charAt(0), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getObject(10, OffsetDateTime.class),
                occurredAt(r.getObject(11, OffsetDateTime.class), r.getObject(15, Integer.class)), r.getString(12), r.getString(13),
                snapshotCovers);
    }

    /**
     * The incident's time at its own offset, when the row kept it; a row written before contacts
     * kept one reads as it did, in UTC.
     */
    private static OffsetDateTime occurredAt(OffsetDateTime stored, Integer offsetMinutes) {
        if (stored == null || offsetMinutes == null) {
            return stored;
        }
        return stored.withOffsetSameInstant(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    private List<CallerRecord.ChangeRecord> changes(Connection c, List<String> callerKeys) throws SQLException {
        List<CallerRecord.ChangeRecord> changes = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "select at, actor, change, reason, approved_by, detail::text from memory_change"
                + " where subject = any(?) order by id", keys(c, callerKeys)); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                var detail = MemoryJson.tree(r.getString(6));
                boolean correction = detail.has("fact") && detail.has("before");
                changes.add(new CallerRecord.ChangeRecord(r.getObject(1, OffsetDateTime.class), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5), correction ? detail.get("fact").asText() : null,
                        correction ? detail.get("before").asText() : null, correction ? detail.get("after").asText() : null));
            }
        }
        return changes;
    }

    private void logChange(Connection c, String subject, Change change, OffsetDateTime now) throws SQLException {
        update(c, "insert into memory_change (at, actor, change, subject, reason, approved_by, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?::jsonb)", now, change.actor(), change.change(), subject,
                change.reason(), change.approvedBy(), change.detail() == null ? null : MemoryJson.write(change.detail()));
    }

    private static Array keys(Connection c, List<String> keys) throws SQLException {
        return c.createArrayOf("varchar", keys.toArray());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private int update(Connection c, String sql, Object... params) throws SQLException {
        return jdbc.update(c, sql, params);
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        return jdbc.prepare(c, sql, params);
    }

    private <T> T read(Jdbc.Work<T> work) {
        return jdbc.transaction(data, true, work);
    }

    /** A single statement in autocommit mode: PostgreSQL runs it as one transaction on one snapshot. */
    private <T> T snapshot(Jdbc.Work<T> work) {
        return jdbc.autocommit(data, work);
    }

    private <T> T write(Jdbc.Work<T> work) {
        return jdbc.transaction(data, false, work);
    }
}
