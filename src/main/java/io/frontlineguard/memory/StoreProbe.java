package io.frontlineguard.memory;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Asks the store every {@link #EVERY} whether it answers, on a thread of its own, so that
 * readiness reports the last answer at once and never waits on a hung store: a probe that has
 * not come back within {@link #STUCK} counts as DOWN while it is still waiting.
 */
final class StoreProbe implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(200);
    static final Duration STUCK = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(StoreProbe.class);

    private final DataSource data;
    private volatile boolean lastOk = true;
    private volatile long inFlightSince; // 0 when no probe is waiting
    private volatile boolean closed;
    private Thread thread;

    StoreProbe(DataSource data) {
        this.data = data;
    }

    void start() {
        lastOk = probe();
        thread = new Thread(this::loop, "case-memory-probe");
        thread.setDaemon(true);
        thread.start();
    }

    boolean up() {
        long since = inFlightSince;
        if (since != 0 && System.nanoTime() - since > STUCK.toNanos()) {
            return false;
        }
        return lastOk;
    }

    private void loop() {
        while (!closed) {
            inFlightSince = System.nanoTime();
            boolean ok = probe();
            inFlightSince = 0;
            if (ok != lastOk) {
                if (ok) {
                    LOG.info("case memory: the store answers again");
                } else {
                    LOG.error("case memory: the store does not answer; decisions that need memory are refused"
                            + " (503 MEMORY_UNAVAILABLE) and readiness is DOWN until it does");
                    // Connections to a server that went away are dead; let them go rather than fail decisions one by one.
                    if (data instanceof AgroalDataSource pool) {
                        pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
                    }
                }
            }
            lastOk = ok;
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean probe() {
        try (Connection c = data.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
