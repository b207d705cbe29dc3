package io.frontlineguard.decision;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs rule work on threads of its own, so that whoever asked gets an answer at the deadline: a
 * timer fails the evaluation's future then, whether or not the evaluation has ended. Java cannot stop a thread stuck in a loop safely (Thread.stop is unsafe
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

    /**
     * One thread that only fails overdue evaluations. Cancelled timers leave its queue at once, so
     * under load it holds just the evaluations in flight.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

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

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "guard-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** The threads that evaluate incidents, for requests and scenarios alike. */
    public static EvaluationThreads decisions() {
        return DECISIONS;
    }

    /** The threads that verify a whole rules folder (lint, compile, scenarios). */
    public static EvaluationThreads verification() {
        return VERIFICATION;
    }

    /** The threads the pool keeps now: one per core plus one per overdue task (tests). */
    int threads() {
        return pool.getCorePoolSize();
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
     * {@code deadline} has passed, after calling {@code stop}. The caller's thread waits.
     */
    public <T> T call(Callable<T> work, Duration deadline, Runnable stop) {
        CompletableFuture<T> result = submit(work, deadline, stop);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
            throw new DeadlineExceeded(deadline);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /**
     * Runs {@code work} and completes the returned future with its result, or fails it with
     * {@link DeadlineExceeded} once {@code deadline} has passed, after calling {@code stop}. Nobody
     * waits: an HTTP request hands its evaluation here straight from the event loop, and answers
     * from whichever thread completes the future (the evaluation's, or the deadline timer's).
     */
    public <T> CompletableFuture<T> submit(Callable<T> work, Duration deadline, Runnable stop) {
        Task<T> task = new Task<>(work, deadline, stop);
        // Armed before the task is queued: time spent waiting for a thread counts toward the deadline.
        task.timer = TIMER.schedule(task::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        pool.execute(task);
        return task.result;
    }

    /** The cause of a failed evaluation as it is thrown to the caller. */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
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

    private final class Task<T> implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int OVERDUE = 2;
        private static final int ENDED = 3;
        /** Answered at the deadline while still queued: nobody waits for it, so it never runs. */
        private static final int EXPIRED = 4;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Callable<T> work;
        private final Duration deadline;
        private final Runnable stop;
        private volatile ScheduledFuture<?> timer;

        Task(Callable<T> work, Duration deadline, Runnable stop) {
            this.work = work;
            this.deadline = deadline;
            this.stop = stop;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return; // expired in the queue: under overload, no thread is spent on an answered request
            }
            T value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable e) {
                failure = e;
            }
            if (state.getAndSet(ENDED) == OVERDUE) {
                // The timer has answered (or is answering) already; this only gives the thread back.
                overdue.decrementAndGet();
                resize();
                return;
            }
            timer.cancel(false);
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        }

        /**
         * The timer's side. The state decides who answers: the work if it ended first, otherwise
         * this, after the overrun is counted and halted, so that whoever is woken sees the count.
         */
        void expire() {
            if (state.compareAndSet(QUEUED, EXPIRED)) {
                // Nothing runs, so nothing is overdue: no thread is added and nothing is halted.
                timeouts.incrementAndGet();
                result.completeExceptionally(new DeadlineExceeded(deadline));
                return;
            }
            if (state.compareAndSet(RUNNING, OVERDUE)) {
                timeouts.incrementAndGet();
                overdue.incrementAndGet();
                resize();
                stop.run();
                result.completeExceptionally(new DeadlineExceeded(deadline));
            }
        }
    }
}
