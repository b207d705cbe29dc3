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
 * nothing. A decision is answered only after its batch committed (200), or learns that it failed
 * (503, and nothing of its batch is recorded). A write not taken within the store's timeout is
 * given up and never written, so a decision answered 503 is never recorded later.
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
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * {@code writers}: batches in flight at once. Two let one batch be built and sent while the
     * previous one waits for its commit to reach the disk.
     */
    LedgerWriter(Function<List<MemoryStore.Write>, List<Boolean>> store, Duration timeout, int writers) {
        this.store = store;
        this.timeout = timeout;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "memory-writer-" + i);
            t.setDaemon(true);
            t.start();
            this.writers.add(t);
        }
    }

    /**
     * Records {@code write} with whatever else is waiting; see {@link MemoryStore#record(List)} for
     * what the answer means. Throws {@link MemoryUnavailableException} when its batch failed or it
     * was not taken within the store's timeout.
     */
    boolean record(MemoryStore.Write write) {
        if (closed) {
            throw new MemoryUnavailableException("case memory is closing", null);
        }
        Pending p = new Pending(write);
        queue.add(p);
        try {
            try {
                return p.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (p.state.compareAndSet(WAITING, ABANDONED)) {
                    throw new MemoryUnavailableException("case memory is unavailable: the write waited " + timeout
                            + " for the store", e);
                }
                // Taken: its batch is in flight, bounded by the store's own timeouts; its outcome is the answer.
                return p.done.get();
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
