package io.frontlineguard.decisionlog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Writes entries off the request path: request threads put them in a bounded queue, one writer
 * thread formats them in batches and appends them to the sink.
 *
 * <p>Nothing is lost silently. A full queue makes the submitting thread wait up to the enqueue
 * timeout (back-pressure); after that, and for anything that cannot be formatted or written, the
 * entry is counted in {@link #failed()} and logged as an error with its id. {@link #close} drains
 * every accepted entry and forces the file to disk.
 *
 * @param <T> what is queued; formatting (masking, JSON) happens on the writer thread
 */
public final class DecisionLogWriter<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);
    private static final int MAX_BATCH = 512;

    private final BlockingQueue<T> queue;
    private final Function<T, String> format;
    private final Function<T, String> idOf;
    private final LineSink sink;
    private final long enqueueTimeoutNanos;
    private final Thread thread;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Accepted entries the writer has finished with, written or failed; guarded by {@code this} for waiting. */
    private volatile long done;
    /** Submissions between their closed-check and their enqueue; close waits for these to land. */
    private final AtomicInteger submitting = new AtomicInteger();
    private volatile boolean closed;

    public DecisionLogWriter(int capacity, Duration enqueueTimeout, LineSink sink,
                             Function<T, String> format, Function<T, String> idOf) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.enqueueTimeoutNanos = enqueueTimeout.toNanos();
        this.sink = sink;
        this.format = format;
        this.idOf = idOf;
        this.thread = new Thread(this::run, "decision-log-writer");
        // A daemon, so a failed start-up cannot hang the JVM; graceful shutdown calls close().
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues one entry. Waits for room up to the enqueue timeout; returns {@code false}, counts
     * and logs the entry as failed when there is none or the writer is closed.
     */
    public boolean submit(T entry) {
        submitting.incrementAndGet();
        try {
            if (!closed && (queue.offer(entry) || offerWaiting(entry))) {
                accepted.incrementAndGet();
                return true;
            }
        } finally {
            submitting.decrementAndGet();
        }
        fail(List.of(entry), closed ? "the decision log is closed" : "the decision log queue stayed full", null);
        return false;
    }

    private boolean offerWaiting(T entry) {
        try {
            return queue.offer(entry, enqueueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Entries waiting to be written. */
    public int backlog() {
        return queue.size();
    }

    /** Entries that could not be queued, formatted or written. */
    public long failed() {
        return failed.get();
    }

    public long written() {
        return written.get();
    }

    /**
     * Waits until every entry accepted before this call has been written (or has failed).
     * Returns {@code false} if that took longer than the timeout.
     */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    /**
     * Stops accepting entries, writes every accepted one, forces the file to disk. Anything the
     * writer could not finish within the timeout is counted and logged as failed.
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(Duration timeout) {
        if (closed && !thread.isAlive()) {
            return;
        }
        closed = true;
        while (submitting.get() > 0) {
            // A submitter may be waiting for room, at most the enqueue timeout.
            LockSupport.parkNanos(100_000);
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            List<T> left = new ArrayList<>();
            queue.drainTo(left);
            fail(left, "the decision log writer did not finish before shutdown", null);
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>(MAX_BATCH);
        List<String> lines = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                T first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    // Submitters check 'closed' before enqueueing and close() waits for them, so an
                    // empty queue after 'closed' really is the end.
                    if (closed && submitting.get() == 0 && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch, lines);
                batch.clear();
                lines.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "decision log: could not force the file to disk on close");
            }
        }
    }

    private void writeBatch(List<T> batch, List<String> lines) {
        List<T> formatted = new ArrayList<>(batch.size());
        for (T entry : batch) {
            try {
                lines.add(format.apply(entry));
                formatted.add(entry);
            } catch (RuntimeException e) {
                fail(List.of(entry), "the entry could not be formatted", e);
            }
        }
        try {
            sink.write(lines);
            written.addAndGet(formatted.size());
        } catch (IOException | RuntimeException e) {
            fail(formatted, "the decision log file could not be written", e);
        }
        synchronized (this) {
            done += batch.size();
            notifyAll();
        }
    }

    private void fail(List<T> entries, String why, Throwable cause) {
        if (entries.isEmpty()) {
            return;
        }
        failed.addAndGet(entries.size());
        for (T entry : entries) {
            LOG.errorf(cause, "decision %s NOT logged: %s", idOf.apply(entry), why);
        }
    }
}
