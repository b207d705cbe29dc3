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
            + " decided_at, decision_reason, blocks::text";

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

    /** Records a request that names no blocks (an erasure). */
    public Approval request(What what, String subject, String requestedBy, String reason) {
        return request(what, subject, requestedBy, reason, null);
    }

    /**
     * Records a request; a second open request for the same change of the same caller is refused.
     * {@code blocks}: for a lift, the sources of the blocks it lifts, fixed now.
     */
    public Approval request(What what, String subject, String requestedBy, String reason, List<String> blocks) {
        return transaction(c -> {
            String id = UUID.randomUUID().toString();
            int inserted = jdbc.update(c, "insert into memory_approval (id, what, subject, requested_by, reason, created_at,"
                    + " status, blocks) values (?, ?, ?, ?, ?, ?, 'PENDING', ?::jsonb) on conflict (subject, what)"
                    + " where status = 'PENDING' do nothing", id, what.name(), subject, requestedBy, reason,
                    Timestamp.from(clock.instant()), blocks == null ? null : Approval.blocksJson(blocks));
            if (inserted == 0) {
                Optional<Approval> open = one(c, "select " + COLUMNS + " from memory_approval where subject = ? and what = ?"
                        + " and status = 'PENDING'", subject, what.name());
                throw new ProblemException(ErrorCode.APPROVAL_ALREADY_PENDING, "this change already waits for an executive's"
                        + " approval (approval " + open.map(Approval::id).orElse("just decided; ask again") + ", asked by "
                        + open.map(Approval::requestedBy).orElse("someone") + ")");
            }
            return byId(c, id);
        });
    }

    public Optional<Approval> find(String id) {
        return transaction(c -> one(c, "select " + COLUMNS + " from memory_approval where id = ?", id));
    }

    public Approval.Listing list(int recentLimit) {
        return transaction(c -> new Approval.Listing(
                query(c, "select " + COLUMNS + " from memory_approval where status = 'PENDING' order by created_at, id limit 500"),
                query(c, "select " + COLUMNS + " from memory_approval where status <> 'PENDING' order by decided_at desc, id"
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
            return byId(c, id);
        });
    }

    /**
     * Rejects: a second person's judgement, so never the requester's own. The requester who thinks
     * better of it withdraws instead, which the record shows as what it is.
     */
    public Approval reject(String id, String decider, String reason) {
        return transaction(c -> {
            Approval open = locked(c, id);
            if (open.requestedBy().equals(decider)) {
                throw new ProblemException(ErrorCode.SELF_APPROVAL, "you asked for this change yourself: a rejection is"
                        + " another executive's judgement; to take your request back, withdraw it (POST /v1/approvals/"
                        + id + "/withdraw)");
            }
            decide(c, id, Status.REJECTED, decider, reason);
            return byId(c, id);
        });
    }

    /** Withdraws an open request: only the person who asked for it, and memory stays as it is. */
    public Approval withdraw(String id, String requester, String reason) {
        return transaction(c -> {
            Approval open = locked(c, id);
            if (!open.requestedBy().equals(requester)) {
                throw new ProblemException(ErrorCode.FORBIDDEN, "only the person who asked for this change ("
                        + open.requestedBy() + ") may withdraw it; an executive rejects it instead");
            }
            decide(c, id, Status.WITHDRAWN, requester, reason);
            return byId(c, id);
        });
    }

    /** Removes requests decided, or left undecided, since before {@code before}; returns how many. */
    public int purge(java.time.Instant before) {
        return transaction(c -> jdbc.update(c, "delete from memory_approval where coalesce(decided_at, created_at) < ?",
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
        jdbc.update(c, "delete from memory_approval where subject = ? and status = 'PENDING'", subject);
        jdbc.update(c, "update memory_approval set subject = null where subject = ?", subject);
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
        jdbc.update(c, "update memory_approval set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?",
                status.name(), decider, Timestamp.from(clock.instant()), reason, id);
    }

    private Approval byId(Connection c, String id) throws SQLException {
        return one(c, "select " + COLUMNS + " from memory_approval where id = ?", id).orElseThrow();
    }

    private Optional<Approval> one(Connection c, String sql, Object... params) throws SQLException {
        List<Approval> found = query(c, sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Approval> query(Connection c, String sql, Object... params) throws SQLException {
        List<Approval> found = new ArrayList<>();
        try (PreparedStatement s = jdbc.prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new Approval(r.getString(1), What.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                        r.getString(5), utc(r.getObject(6, OffsetDateTime.class)), Status.valueOf(r.getString(7)),
                        r.getString(8), utc(r.getObject(9, OffsetDateTime.class)), r.getString(10),
                        Approval.blocksOf(r.getString(11))));
            }
        }
        return found;
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private <T> T transaction(Jdbc.Work<T> work) {
        return jdbc.transaction(data.get(), false, work);
    }
}
