package io.frontlineguard.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Group commit for decisions' writes: a decision hands its write to a writer thread and waits;
 * the writer takes every write waiting at that moment and records them with one statement and one
 * commit ({@link MemoryStore#record(List)}), then answers each. Under load the writes that queue
 * while one batch commits form the next, so the store does one transaction, one plan and one WAL
 * flush for many decisions instead of one each; alone, a write is a batch of one and waits for
 * nothing. A decision is answered 200 only after its batch committed.
 *
 * <p>A decision waits for the store once, against one deadline ({@link #deadline()}, taken before
 * it read memory): the queue and its batch together, so a hung store costs it at most the
 * timeout, not a wait in the queue and then a batch's own timeouts after it. Past the deadline it
 * is answered 503. A write still queued then is given up and never written. A write already in a
 * batch cannot be taken back: the batch may still commit it (a late commit), so a 503 means "maybe
 * recorded" — a retry under the same incident id and body is then answered from what was
 * recorded ({@code "memory": "RETRY"}), and counts once, as after a connection lost mid-commit.
 * The queue is bounded: when it is full a decision is refused at once rather than wait behind
 * more writes than the store can take in time.
 */
final class LedgerWriter implements AutoCloseable {

    /** Decisions per statement at most: a long queue becomes several batches, each a short statement. */
    static final int MAX_BATCH = 64;

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private static final class Pending {
        final MemoryStore.Write write;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final CompletableFuture<Boolean> done = new CompletableFuture<>();

        Pending(MemoryStore.Write write) {
            this.write = write;
        }
    }

    private final Function<List<MemoryStore.Write>, List<Boolean>> store;
    private final Duration timeout;
    private final int capacity;
    private final LinkedBlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * {@code writers}: batches in flight at once. Two let one batch be built and sent while the
     * previous one waits for its commit to reach the disk.
     */
    LedgerWriter(Function<List<MemoryStore.Write>, List<Boolean>> store, Duration timeout, int writers, int capacity) {
        this.store = store;
        this.timeout = timeout;
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(capacity);
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "memory-writer-" + i);
            t.setDaemon(true);
            t.start();
            this.writers.add(t);
        }
    }

    /** The deadline of a decision that starts to need the store now, in {@link System#nanoTime()}'s terms. */
    long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    /** {@link #record(MemoryStore.Write, long)} with the whole timeout from now. */
    boolean record(MemoryStore.Write write) {
        return record(write, deadline());
    }

    /**
     * Records {@code write} with whatever else is waiting; see {@link MemoryStore#record(List)} for
     * what the answer means. Throws {@link MemoryUnavailableException} when its batch failed, when
     * the queue is full, or when {@code deadline} ({@link #deadline()}) passed before its batch committed.
     */
    boolean record(MemoryStore.Write write, long deadline) {
        if (closed) {
            throw new MemoryUnavailableException("case memory is closing", null);
        }
        if (deadline - System.nanoTime() <= 0) {
            throw new MemoryUnavailableException("case memory is unavailable: the decision's " + timeout
                    + " for the store had passed before its write", null);
        }
        Pending p = new Pending(write);
        // Writes given up keep their place until a writer passes them by: a hung store's queue stays
        // full, and what comes meanwhile is refused at once instead of each waiting out its deadline.
        if (!queue.offer(p)) {
            throw new MemoryUnavailableException("case memory is unavailable: " + capacity
                    + " writes are already waiting for the store", null);
        }
        try {
            try {
                return p.done.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (p.state.compareAndSet(WAITING, ABANDONED)) {
                    throw new MemoryUnavailableException("case memory is unavailable: the write waited " + timeout
                            + " for the store", e);
                }
                if (p.done.isDone()) {
                    return p.done.get(); // its batch ended as the deadline passed
                }
                // In a batch still in flight: answered now as promised; the batch may yet commit it.
                throw new MemoryUnavailableException("case memory is unavailable: the write's batch did not commit within "
                        + timeout + " (it may still be recorded; a retry counts once)", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryUnavailableException("case memory write interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new MemoryUnavailableException("case memory is unavailable: " + e.getCause(), e.getCause());
        }
    }

    /** Writes queued and not yet taken into a batch. */
    int waiting() {
        return queue.size();
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                take(first, batch);
                while (batch.size() < MAX_BATCH) {
                    Pending next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    take(next, batch);
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private static void take(Pending p, List<Pending> batch) {
        if (p.state.compareAndSet(WAITING, TAKEN)) {
            batch.add(p);
        }
    }

    private void write(List<Pending> batch) {
        List<Boolean> recorded;
        try {
            recorded = store.apply(batch.stream().map(p -> p.write).toList());
        } catch (RuntimeException e) {
            // One statement: nothing of the batch was recorded, and every decision in it is told so.
            batch.forEach(p -> p.done.completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done.complete(recorded.get(i));
        }
    }

    @Override
    public void close() {
        closed = true;
        writers.forEach(Thread::interrupt);
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p.state.compareAndSet(WAITING, ABANDONED)) {
                p.done.completeExceptionally(new MemoryUnavailableException("case memory is closing", null));
            }
        }
    }
}
