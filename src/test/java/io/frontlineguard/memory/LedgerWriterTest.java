package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The group-commit writer without a database: who is batched with whom, and who is told what. */
class LedgerWriterTest {

    private static MemoryStore.Write write(String incidentKey) {
        return new MemoryStore.Write(null, incidentKey, "digest", Recollection.NONE, "sys-a");
    }

    @Test
    void shouldWriteTheDecisionsThatWaitTogetherAsOneBatchAndAnswerEachItsOwn() throws Exception {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            batches.add(batch.stream().map(MemoryStore.Write::incidentKey).toList());
            if (batches.size() == 1) {
                first.countDown();
                await(release);
            }
            return batch.stream().map(w -> !w.incidentKey().startsWith("old")).toList();
        }, Duration.ofSeconds(5), 1)) {
            ExecutorService pool = Executors.newFixedThreadPool(5);
            Future<Boolean> opener = pool.submit(() -> writer.record(write("a")));
            first.await();
            List<Future<Boolean>> queued = new ArrayList<>();
            for (String key : List.of("b", "old-c", "d", "e")) {
                queued.add(pool.submit(() -> writer.record(write(key))));
            }
            long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (writer.waiting() < 4) {
                assertTrue(System.nanoTime() < until, "the four writes never queued");
                Thread.sleep(10);
            }
            release.countDown();
            assertTrue(opener.get());
            assertEquals(List.of(true, false, true, true), List.of(queued.get(0).get(), queued.get(1).get(),
                    queued.get(2).get(), queued.get(3).get()));
            pool.shutdown();
        }
        assertEquals(2, batches.size(), "the four that waited were written together: " + batches);
        assertEquals(4, batches.get(1).size());
    }

    @Test
    void shouldTellEveryDecisionOfAFailedBatchThatMemoryIsUnavailable() throws Exception {
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            throw new MemoryUnavailableException("case memory is unavailable: commit failed", null);
        }, Duration.ofSeconds(5), 2)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "k" + i;
                all.add(pool.submit(() -> writer.record(write(key))));
            }
            for (Future<Boolean> f : all) {
                var e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
                assertTrue(e.getCause() instanceof MemoryUnavailableException);
            }
            pool.shutdown();
        }
    }

    /** A write the writer could not take in time is refused (503) and never written afterwards. */
    @Test
    void shouldNeverWriteADecisionThatWasAnsweredUnavailableWhileItWaited() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            batch.forEach(w -> written.add(w.incidentKey()));
            if (written.size() == 1) {
                await(release);
            }
            return batch.stream().map(w -> true).toList();
        }, Duration.ofMillis(200), 1)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Boolean> stuck = pool.submit(() -> writer.record(write("stuck")));
            long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (written.isEmpty()) {
                assertTrue(System.nanoTime() < until, "the first write never reached the store");
                Thread.sleep(5);
            }
            assertThrows(MemoryUnavailableException.class, () -> writer.record(write("late")));
            release.countDown();
            assertTrue(stuck.get(), "a write taken into a batch is answered from its batch");
            assertTrue(writer.record(write("next")));
            pool.shutdown();
        }
        assertEquals(List.of("stuck", "next"), written);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
