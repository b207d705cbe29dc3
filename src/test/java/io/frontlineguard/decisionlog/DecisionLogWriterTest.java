package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogWriterTest {

    @TempDir
    Path dir;

    private static DecisionLogWriter<String> writer(int capacity, Duration timeout, LineSink sink) {
        return new DecisionLogWriter<>(capacity, timeout, sink, Function.identity(), Function.identity());
    }

    /**
     * Issue 32: the request threads only queue; the one writer formats and writes many entries per
     * flush. Each entry is written exactly once, none by a submitting thread.
     */
    @Test
    void shouldFormatOffTheSubmittingThreadsAndWriteManyEntriesPerFlush() throws Exception {
        List<List<String>> flushes = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> formattingThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        LineSink slow = new LineSink() {
            @Override
            public void write(List<String> lines) throws IOException {
                flushes.add(List.copyOf(lines));
                try {
                    Thread.sleep(5); // a flush's system call and then some
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
            }
        };
        DecisionLogWriter<String> writer = new DecisionLogWriter<>(10_000, Duration.ofSeconds(5), slow, e -> {
            formattingThreads.add(Thread.currentThread().getName());
            return e;
        }, Function.identity());
        ExecutorService requests = Executors.newFixedThreadPool(8, r -> new Thread(r, "request"));
        List<Future<?>> submitted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            submitted.add(requests.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    assertTrue(writer.submit(thread + "-" + i));
                }
            }));
        }
        for (Future<?> f : submitted) {
            f.get(30, TimeUnit.SECONDS);
        }
        requests.shutdown();
        writer.close();
        List<String> lines = flushes.stream().flatMap(List::stream).toList();
        assertEquals(4_000, lines.size());
        assertEquals(4_000, new HashSet<>(lines).size(), "each entry once");
        assertEquals(java.util.Set.of("decision-log-writer"), formattingThreads, "formatted by the writer only");
        assertTrue(flushes.size() <= 4_000 / 10, flushes.size() + " flushes for 4,000 entries");
    }

    @Test
    void shouldHaveEveryAcceptedEntryOnDiskAfterClose() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        // A sink slower than the submitters, so close() starts while most entries are still queued.
        RotatingFileSink real = new RotatingFileSink(file, 1L << 30, 1);
        LineSink slow = new LineSink() {
            @Override
            public void write(List<String> lines) throws IOException {
                sleep(2);
                real.write(lines);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        DecisionLogWriter<String> w = writer(20_000, Duration.ofSeconds(5), slow);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            accepted.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 2_500; i++) {
                    ok += w.submit("{\"n\":\"" + thread + "-" + i + "\"}") ? 1 : 0;
                }
                return ok;
            }));
        }
        int total = 0;
        for (Future<Integer> f : accepted) {
            total += f.get();
        }
        pool.shutdown();
        w.close();

        List<String> lines = Files.readAllLines(file);
        assertEquals(10_000, total);
        assertEquals(10_000, lines.size());
        assertEquals(10_000, new HashSet<>(lines).size(), "no entry written twice");
        assertEquals(0, w.failed());
        assertEquals(0, w.backlog());
    }

    @Test
    void shouldCountAndReportWhatAFullQueueCouldNotTake() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> sunk = new ArrayList<>();
        LineSink stuck = new LineSink() {
            @Override
            public void write(List<String> lines) {
                entered.countDown();
                await(release);
                sunk.addAll(lines);
            }

            @Override
            public void close() {
            }
        };
        DecisionLogWriter<String> w = writer(2, Duration.ofMillis(20), stuck);
        assertTrue(w.submit("entry-0"));
        // Only once the writer is stuck inside the sink is the queue's fill level known exactly.
        assertTrue(entered.await(10, TimeUnit.SECONDS), "writer reached the sink");
        int refused = 0;
        for (int i = 1; i < 20; i++) {
            refused += w.submit("entry-" + i) ? 0 : 1;
        }
        assertEquals(17, refused, "two entries fit the queue, the other seventeen are refused");
        assertEquals(refused, w.failed(), "every refused entry is counted");
        release.countDown();
        w.close();
        assertEquals(3, sunk.size());
        assertEquals(20, sunk.size() + w.failed(), "each entry is either written or counted as failed");
        assertEquals(sunk.size(), w.written());
    }

    @Test
    void shouldCountEntriesTheFileRejected() {
        LineSink broken = new LineSink() {
            @Override
            public void write(List<String> lines) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        DecisionLogWriter<String> w = writer(100, Duration.ofMillis(100), broken);
        for (int i = 0; i < 10; i++) {
            assertTrue(w.submit("entry-" + i));
        }
        w.close();
        assertEquals(10, w.failed());
        assertEquals(0, w.written());
    }

    @Test
    void shouldRefuseAndCountEntriesAfterClose() {
        DecisionLogWriter<String> w = writer(10, Duration.ofMillis(10), new LineSink() {
            @Override
            public void write(List<String> lines) {
            }

            @Override
            public void close() {
            }
        });
        w.close();
        assertEquals(false, w.submit("late"));
        assertEquals(1, w.failed());
    }

    @Test
    void shouldWaitUntilEverythingAcceptedIsWritten() throws Exception {
        Path file = dir.resolve("flush.jsonl");
        DecisionLogWriter<String> w = writer(1000, Duration.ofSeconds(1), new RotatingFileSink(file, 1L << 20, 1));
        for (int i = 0; i < 500; i++) {
            w.submit("line-" + i);
        }
        assertTrue(w.awaitWritten(Duration.ofSeconds(10)));
        assertEquals(500, Files.readAllLines(file).size());
        w.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
