package io.frontlineguard.approval;

import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.approval.Approval.Status;
import io.frontlineguard.approval.Approval.What;
import io.frontlineguard.memory.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Approvals in SQL, in the case-memory database. A decision locks its row ({@code select … for
 * update}) for as long as the approved change takes, so two executives approving at the same moment
 * on two instances carry the change out once: the second finds the row decided.
 */
public final class ApprovalStore {

    private static final String COLUMNS = "id, what, subject, requested_by, reason, created_at, status, decided_by,"
            + " decided_at, decision_reason";

    private final Supplier<DataSource> data;
    private final Clock clock;
    private final Jdbc jdbc;

    public ApprovalStore(Supplier<DataSource> data, Clock clock, Duration timeout) {
        this.data = data;
        this.clock = clock;
        this.jdbc = new Jdbc(timeout, "approvals are unavailable");
    }

    /** What an approved change does to memory; true when it erased the subject. */
    public interface Execution {
        boolean carryOut(Approval approval, String approver);
    }

    /** Records a request; a second open request for the same change of the same caller is refused. */
    public Approval request(What what, String subject, String requestedBy, String reason) {
        return transaction(c -> {
            String id = UUID.randomUUID().toString();
            int inserted = update(c, "insert into memory_approval (id, what, subject, requested_by, reason, created_at, status)"
                    + " values (?, ?, ?, ?, ?, ?, 'PENDING') on conflict (subject, what) where status = 'PENDING' do nothing",
                    id, what.name(), subject, requestedBy, reason, Timestamp.from(clock.instant()));
            if (inserted == 0) {
                Optional<Approval> open = one(c, "select " + COLUMNS + " from memory_approval where subject = ? and what = ?"
                        + " and status = 'PENDING'", subject, what.name());
                throw new ProblemException(ErrorCode.APPROVAL_ALREADY_PENDING, "this change already waits for an executive's"
                        + " approval (approval " + open.map(Approval::id).orElse("just decided; ask again") + ", asked by "
                        + open.map(Approval::requestedBy).orElse("someone") + ")");
            }
            return one(c, "select " + COLUMNS + " from memory_approval where id = ?", id).orElseThrow();
        });
    }

    public Optional<Approval> find(String id) {
        return transaction(c -> one(c, "select " + COLUMNS + " from memory_approval where id = ?", id));
    }

    public Approval.Listing list(int recentLimit) {
        return transaction(c -> new Approval.Listing(
                many(c, "select " + COLUMNS + " from memory_approval where status = 'PENDING' order by created_at, id limit 500"),
                many(c, "select " + COLUMNS + " from memory_approval where status <> 'PENDING' order by decided_at desc, id"
                        + " limit " + recentLimit)));
    }

    /**
     * Approves: checks under the row's lock that the request is still open and that the approver is
     * not the requester, carries the change out, then marks the request approved. A refusal from
     * the execution rolls back, so the request stays open and nothing changed.
     */
    public Approval approve(String id, String approver, Execution execution) {
        return transaction(c -> {
            Approval open = locked(c, id);
            if (open.requestedBy().equals(approver)) {
                throw new ProblemException(ErrorCode.SELF_APPROVAL, "you asked for this change yourself: another person"
                        + " with the role executive must approve it (lesson L000-3)");
            }
            boolean erased = execution.carryOut(open, approver);
            decide(c, id, Status.APPROVED, approver, null);
            if (erased) {
                forget(c, open.subject());
            }
            return one(c, "select " + COLUMNS + " from memory_approval where id = ?", id).orElseThrow();
        });
    }

    public Approval reject(String id, String decider, String reason) {
        return transaction(c -> {
            locked(c, id);
            decide(c, id, Status.REJECTED, decider, reason);
            return one(c, "select " + COLUMNS + " from memory_approval where id = ?", id).orElseThrow();
        });
    }

    /** Removes requests decided, or left undecided, since before {@code before}; returns how many. */
    public int purge(java.time.Instant before) {
        return transaction(c -> update(c, "delete from memory_approval where coalesce(decided_at, created_at) < ?",
                Timestamp.from(before)));
    }

    /** After an erasure: the caller's open requests go, decided ones keep no pseudonym. */
    public void forget(String subject) {
        transaction(c -> {
            forget(c, subject);
            return null;
        });
    }

    private void forget(Connection c, String subject) throws SQLException {
        update(c, "delete from memory_approval where subject = ? and status = 'PENDING'", subject);
        update(c, "update memory_approval set subject = null where subject = ?", subject);
    }

    private Approval locked(Connection c, String id) throws SQLException {
        Approval approval = one(c, "select " + COLUMNS + " from memory_approval where id = ? for update", id)
                .orElseThrow(() -> new ProblemException(ErrorCode.UNKNOWN_APPROVAL, "no approval has this id; it may have"
                        + " been removed when the caller was erased"));
        if (approval.status() != Status.PENDING) {
            throw new ProblemException(ErrorCode.APPROVAL_ALREADY_DECIDED, "this request was already "
                    + approval.status().name().toLowerCase() + " by " + approval.decidedBy() + " at " + approval.decidedAt()
                    + "; nothing was changed");
        }
        return approval;
    }

    private void decide(Connection c, String id, Status status, String decider, String reason) throws SQLException {
        update(c, "update memory_approval set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?",
                status.name(), decider, Timestamp.from(clock.instant()), reason, id);
    }

    private Optional<Approval> one(Connection c, String sql, Object... params) throws SQLException {
        List<Approval> found = query(c, sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Approval> many(Connection c, String sql) throws SQLException {
        return query(c, sql);
    }

    private List<Approval> query(Connection c, String sql, Object... params) throws SQLException {
        List<Approval> found = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new Approval(r.getString(1), What.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                        r.getString(5), utc(r.getObject(6, OffsetDateTime.class)), Status.valueOf(r.getString(7)),
                        r.getString(8), utc(r.getObject(9, OffsetDateTime.class)), r.getString(10)));
            }
        }
        return found;
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int update(Connection c, String sql, Object... params) throws SQLException {
        return jdbc.update(c, sql, params);
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        return jdbc.prepare(c, sql, params);
    }

    private <T> T transaction(Jdbc.Work<T> work) {
        return jdbc.transaction(data.get(), false, work);
    }
}
