package io.frontlineguard.memory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Asks the store every {@link #EVERY} whether it answers, on a thread of its own, so that
 * readiness reports the last answer at once and never waits on a hung store: a probe that has
 * not come back within {@link #STUCK} counts as DOWN while it is still waiting. While it is DOWN,
 * decisions are refused at once ({@link #guard}).
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

    /**
     * The pool as decisions use it: while the probe finds the store hung or gone, a connection is
     * refused at once instead of each decision waiting out its timeouts on a server known not to answer.
     */
    DataSource guard(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(StoreProbe.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && !up()) {
                        throw new SQLException("case memory does not answer its probe", "08001");
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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

    /** Twice at most: a dead connection left in the pool (it leaves on its error) is not a dead store. */
    private boolean probe() {
        return probeOnce() || probeOnce();
    }

    private boolean probeOnce() {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            s.execute("select 1");
            return true;
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
