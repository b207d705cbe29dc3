package io.frontlineguard.decision;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs rule work on threads of its own, so the thread that asked can always stop waiting at the
 * deadline and answer. Java cannot stop a thread stuck in a loop safely (Thread.stop is unsafe
 * and gone in later JDKs), so an overrun is asked to stop ({@code stop}: the session's halt) and,
 * if it keeps running, counted as overdue. The work is CPU-bound, so the pool has one thread per
 * core, kept warm (a pool that made threads on demand measured five times slower: each new thread
 * starts with cold engine caches); each overdue task adds a thread until it ends, so a stuck one
 * never takes capacity away. The threads are daemons, so they never hold up shutdown, and liveness
 * turns DOWN once too many are overdue so the orchestrator restarts the process. The sandbox
 * means no rule can loop; this is what still holds if that ever fails. Time spent queued counts
 * toward the deadline: an overloaded service answers 503 rather than ever later.
 */
public final class EvaluationThreads {

    private static final EvaluationThreads DECISIONS = new EvaluationThreads("guard-eval");
    private static final EvaluationThreads VERIFICATION = new EvaluationThreads("guard-verify");

    private final ThreadPoolExecutor pool;
    private final AtomicInteger overdue = new AtomicInteger();
    private final AtomicLong timeouts = new AtomicLong();

    private final int size;

    private EvaluationThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        this.size = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One thread per core plus one per overdue task; never below one per core. The count moves
     * outside this lock, so the order of the two setters follows the pool's current size, not the
     * caller's direction: the executor refuses a core size above its maximum and the reverse.
     */
    private synchronized void resize() {
        int target = size + overdue.get();
        if (target > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(target);
            pool.setCorePoolSize(target);
        } else {
            pool.setCorePoolSize(target);
            pool.setMaximumPoolSize(target);
        }
    }

    /** The threads that evaluate incidents, for requests and scenarios alike. */
    public static EvaluationThreads decisions() {
        return DECISIONS;
    }

    /** The threads that verify a whole rules folder (lint, compile, scenarios). */
    public static EvaluationThreads verification() {
        return VERIFICATION;
    }

    /** Work that passed its deadline and has not ended yet. */
    public int overdue() {
        return overdue.get();
    }

    /** Work that missed its deadline, ever. */
    public long timeouts() {
        return timeouts.get();
    }

    /**
     * Runs {@code work} and returns its result, or throws {@link DeadlineExceeded} once
     * {@code deadline} has passed, after calling {@code stop}.
     */
    public <T> T call(Callable<T> work, Duration deadline, Runnable stop) {
        Task<T> task = new Task<>(work);
        pool.execute(task);
        try {
            return task.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timeouts.incrementAndGet();
            task.markOverdue();
            stop.run();
            throw new DeadlineExceeded(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
            throw new DeadlineExceeded(deadline);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Thrown to the waiting caller when the work did not finish in time. */
    public static final class DeadlineExceeded extends RuntimeException {
        private final Duration deadline;

        DeadlineExceeded(Duration deadline) {
            super("did not finish within " + deadline.toMillis() + " ms", null, false, false);
            this.deadline = deadline;
        }

        public Duration deadline() {
            return deadline;
        }
    }

    private final class Task<T> extends FutureTask<T> {
        private static final int RUNNING = 0;
        private static final int OVERDUE = 1;
        private static final int ENDED = 2;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        Task(Callable<T> work) {
            super(work);
        }

        void markOverdue() {
            if (state.compareAndSet(RUNNING, OVERDUE)) {
                overdue.incrementAndGet();
                resize();
            }
        }

        @Override
        protected void done() {
            if (state.getAndSet(ENDED) == OVERDUE) {
                overdue.decrementAndGet();
                resize();
            }
        }
    }
}
