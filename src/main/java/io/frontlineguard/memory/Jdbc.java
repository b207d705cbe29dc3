package io.frontlineguard.memory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * How every table of the case-memory database is read and written (memory's ledger, the
 * approvals beside it): each statement bounded by the store's timeout, every transaction rolled
 * back on any failure, and a database that does not answer reported as memory being unavailable
 * (503), never as an internal error. One place, so the two stores cannot drift apart on it.
 */
public final class Jdbc {

    /** What runs on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final int timeoutSeconds;
    private final String unavailable;

    /** {@code unavailable} opens the message of the 503, e.g. "approvals are unavailable". */
    public Jdbc(Duration timeout, String unavailable) {
        // The driver's query timeout is whole seconds; a shorter store timeout still bounds each statement.
        this.timeoutSeconds = (int) Math.max(1, Math.ceil(timeout.toMillis() / 1000.0));
        this.unavailable = unavailable;
    }

    /** One transaction; rolled back, and the connection's read-only flag reset, whatever fails. */
    public <T> T transaction(DataSource data, boolean readOnly, Work<T> work) {
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
            throw failed(e);
        }
    }

    /** A single statement in autocommit mode: PostgreSQL runs it as one transaction on one snapshot. */
    public <T> T autocommit(DataSource data, Work<T> work) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** A statement with its timeout and parameters; times are written in UTC, arrays as arrays. */
    public PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(timeoutSeconds);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof OffsetDateTime t) {
                s.setObject(i + 1, t.withOffsetSameInstant(ZoneOffset.UTC));
            } else if (p instanceof Array a) {
                s.setArray(i + 1, a);
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }

    private MemoryUnavailableException failed(SQLException e) {
        return new MemoryUnavailableException(unavailable + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction died with it
        }
    }
}
