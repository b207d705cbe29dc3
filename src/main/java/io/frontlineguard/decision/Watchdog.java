package io.frontlineguard.decision;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.kie.api.runtime.KieSession;

/**
 * The deadline of an evaluation that runs on the thread that asked for it (a request's, issue 32).
 * The sandbox proves that a linted rule set's evaluation ends and that its cost is bounded by the
 * request's size limits (rules/README.md, "Why an evaluation always ends"), so nothing needs to wait
 * on another thread for it: the deadline only has to catch an evaluation that runs late (a GC pause,
 * a saturated machine). One daemon thread looks every {@link #TICK} at the evaluations in flight and
 * halts the session of each past its deadline; the halt stops the engine before its next firing, the
 * evaluation returns, and the caller answers 503 as before. An evaluation that ends past its
 * deadline without having been halted (between two looks) is refused the same way, so the deadline
 * means what it meant with the hand-off.
 *
 * <p>Each thread has one {@link Watch}, registered once and reused, so watching an evaluation costs
 * two uncontended locks and a clock read: no allocation, no queue, no timer task. If a rule ever
 * got stuck inside one firing (a hole in the sandbox; the halt cannot reach it), the evaluation is
 * counted as overdue from the look after its halt until it ends, and liveness turns DOWN on that
 * count, as it does for the evaluation threads.
 */
final class Watchdog {

    /** How often the watchdog looks; a late evaluation is halted at most this long after its deadline. */
    static final Duration TICK = Duration.ofMillis(5);

    private static final CopyOnWriteArrayList<Watch> WATCHES = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Watch> MINE = ThreadLocal.withInitial(Watchdog::register);
    private static final AtomicInteger OVERDUE = new AtomicInteger();
    private static final AtomicLong TIMEOUTS = new AtomicLong();

    static {
        Thread t = new Thread(Watchdog::run, "guard-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private Watchdog() {
    }

    /** This thread's watch; the first call of a thread registers it. */
    static Watch mine() {
        return MINE.get();
    }

    /** Evaluations halted past their deadline that have still not ended. */
    static int overdue() {
        return OVERDUE.get();
    }

    /** Evaluations on a watched thread that missed their deadline, ever. */
    static long timeouts() {
        return TIMEOUTS.get();
    }

    private static Watch register() {
        Watch w = new Watch(Thread.currentThread());
        WATCHES.add(w);
        return w;
    }

    private static void run() {
        long tick = TICK.toNanos();
        while (true) {
            LockSupport.parkNanos(tick);
            long now = System.nanoTime();
            for (Watch w : WATCHES) {
                if (w.active) {
                    w.look(now);
                } else if (!w.thread.isAlive()) {
                    WATCHES.remove(w); // a worker thread the pool let go; an idle watch holds nothing else
                }
            }
        }
    }

    /**
     * One thread's evaluation in flight, if any. The evaluating thread and the watchdog meet under
     * this object's lock, so a halt never reaches a session after it went back to the pool.
     */
    static final class Watch implements DecisionEngine.Stoppable {
        final Thread thread;
        /** Read without the lock by the watchdog, to skip idle threads. */
        volatile boolean active;
        private long due;
        private KieSession session;
        private boolean halted;
        private long haltedAt;
        private boolean overdue;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        /** Starts watching one evaluation that must end within {@code deadline} from now. */
        synchronized Watch begin(Duration deadline) {
            due = System.nanoTime() + deadline.toNanos();
            halted = false;
            overdue = false;
            session = null;
            active = true;
            return this;
        }

        @Override
        public synchronized boolean start(KieSession s) {
            session = s;
            return !halted;
        }

        @Override
        public synchronized boolean halted() {
            return halted;
        }

        /**
         * Called by the evaluation once its rules are done: true when it ended in time (not halted,
         * not past its deadline). From here on the watchdog leaves it alone.
         */
        @Override
        public synchronized boolean finish() {
            active = false;
            session = null;
            if (halted) {
                return false;
            }
            if (System.nanoTime() - due > 0) {
                TIMEOUTS.incrementAndGet(); // ended late between two looks: refused like a halted one
                halted = true;
                return false;
            }
            return true;
        }

        /** Whether the evaluation just watched missed its deadline, whichever way it ended. */
        synchronized boolean missed() {
            return halted;
        }

        /** Stops watching, however the evaluation ended (also when it threw). */
        synchronized void end() {
            active = false;
            session = null;
            if (overdue) {
                OVERDUE.decrementAndGet();
                overdue = false;
            }
        }

        /** The watchdog's look: halt once past the deadline; count as overdue if a halt did not end it by the next look. */
        synchronized void look(long now) {
            if (!active) {
                return;
            }
            if (!halted) {
                if (now - due >= 0) {
                    halted = true;
                    haltedAt = now;
                    TIMEOUTS.incrementAndGet();
                    if (session != null) {
                        session.halt();
                    }
                }
            } else if (!overdue && now - haltedAt >= TimeUnit.MILLISECONDS.toNanos(1)) {
                overdue = true;
                OVERDUE.incrementAndGet();
            }
        }
    }
}
