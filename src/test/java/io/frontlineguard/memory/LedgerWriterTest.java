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
        }, Duration.ofSeconds(5), 1, 100)) {
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
        }, Duration.ofSeconds(5), 2, 100)) {
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

    /**
     * A write the writer could not take in time is refused (503) and never written afterwards; the
     * one whose batch was in flight is refused at its deadline too, and its batch still writes it.
     */
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
        }, Duration.ofMillis(200), 1, 100)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Boolean> stuck = pool.submit(() -> writer.record(write("stuck")));
            long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (written.isEmpty()) {
                assertTrue(System.nanoTime() < until, "the first write never reached the store");
                Thread.sleep(5);
            }
            assertThrows(MemoryUnavailableException.class, () -> writer.record(write("late")));
            release.countDown();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, stuck::get,
                    "a write whose batch outlived its deadline is answered 503 at the deadline, not from its batch");
            assertTrue(e.getCause() instanceof MemoryUnavailableException);
            assertTrue(writer.record(write("next")));
            pool.shutdown();
        }
        assertEquals(List.of("stuck", "next"), written);
    }

    /**
     * One deadline for the whole wait, queue and batch: a write taken into a batch just before its
     * deadline is answered 503 at the deadline, not when its batch ends (which a hung store's own
     * timeouts bound only later, to about twice the timeout in all). The batch may still commit
     * it afterwards: a 503 means "maybe recorded", and a retry is answered from what was recorded.
     */
    @Test
    void shouldAnswerAWriteAtItsDeadlineEvenWhenItsBatchIsStillInFlight() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Duration timeout = Duration.ofMillis(300);
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            if (batch.get(0).incidentKey().equals("opener")) {
                opened.countDown();
                await(release);
            } else {
                sleep(1500); // a batch stuck on a hung store until the connection's own timeouts end it
            }
            batch.forEach(w -> written.add(w.incidentKey()));
            return batch.stream().map(w -> true).toList();
        }, timeout, 1, 100)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Boolean> opener = pool.submit(() -> writer.record(write("opener")));
            opened.await();
            long start = System.nanoTime();
            Future<Boolean> late = pool.submit(() -> writer.record(write("late")));
            sleep(150); // "late" waits in the queue for half its time, then its batch starts and hangs
            release.countDown();
            assertTrue(opener.get());
            var refused = assertThrows(java.util.concurrent.ExecutionException.class, late::get);
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(refused.getCause() instanceof MemoryUnavailableException, refused.toString());
            assertTrue(took < 1000, "the write was answered after " + took + " ms; its deadline was " + timeout.toMillis() + " ms");
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!written.contains("late")) {
                assertTrue(System.nanoTime() < until, "the batch in flight never ended");
                Thread.sleep(10);
            }
            pool.shutdown();
        }
        assertEquals(List.of("opener", "late"), written, "a batch in flight commits whatever its decisions were told");
    }

    /** The deadline is the decision's, taken before it read memory: with no time left, nothing is queued. */
    @Test
    void shouldRefuseAWriteWhoseDecisionHasNoTimeLeftAndNeverWriteIt() {
        List<String> written = new CopyOnWriteArrayList<>();
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            batch.forEach(w -> written.add(w.incidentKey()));
            return batch.stream().map(w -> true).toList();
        }, Duration.ofSeconds(5), 1, 100)) {
            assertThrows(MemoryUnavailableException.class, () -> writer.record(write("too-late"), System.nanoTime() - 1));
            assertTrue(writer.record(write("in-time"), writer.deadline()));
        }
        assertEquals(List.of("in-time"), written);
    }

    /** A full queue answers at once: a decision never waits behind more writes than the store can take in time. */
    @Test
    void shouldRefuseAtOnceWhenTheQueueIsFullAndWriteWhatItHeld() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerWriter writer = new LedgerWriter(batch -> {
            if (batch.get(0).incidentKey().equals("opener")) {
                opened.countDown();
                await(release);
            }
            batch.forEach(w -> written.add(w.incidentKey()));
            return batch.stream().map(w -> true).toList();
        }, Duration.ofSeconds(10), 1, 2)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            Future<Boolean> opener = pool.submit(() -> writer.record(write("opener")));
            opened.await();
            List<Future<Boolean>> queued = new ArrayList<>();
            for (String key : List.of("q1", "q2")) {
                queued.add(pool.submit(() -> writer.record(write(key))));
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (writer.waiting() < 2) {
                assertTrue(System.nanoTime() < until, "the two writes never queued");
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            var full = assertThrows(MemoryUnavailableException.class, () -> writer.record(write("overflow")));
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(took < 1000, "a full queue answered after " + took + " ms");
            assertTrue(full.getMessage().contains("2 writes"), full.getMessage());
            release.countDown();
            assertTrue(opener.get());
            assertTrue(queued.get(0).get());
            assertTrue(queued.get(1).get());
            pool.shutdown();
        }
        assertEquals(List.of("opener", "q1", "q2"), written);
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
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
