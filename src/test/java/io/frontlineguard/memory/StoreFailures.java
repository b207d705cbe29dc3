package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.decide;
import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The hung-store scenario both stores must pass: the server is stopped (SIGSTOP), decisions that
 * need memory are refused within the timeout, readiness goes DOWN within a second and never
 * waits, an incident without ids is still decided; SIGCONT, and all is as before by itself.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static String memoryIncident() {
        return incident(fresh("hang"), "call-center", "\"caseId\": \"" + fresh("hang-case") + "\", \"caller\": {\"callerId\": \""
                + fresh("hang-caller") + "\"}");
    }

    static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    static int ready() {
        return given().get("/q/health/ready").then().extract().statusCode();
    }

    static void shouldRefuseQuicklyWhileHungAndRecoverByItself(LongSupplier serverPid, Duration timeout) throws Exception {
        decide(memoryIncident()).statusCode(200);
        assertEquals(200, ready());
        // The whole server, as a frozen disk or machine stops it: the postmaster (no new connections)
        // and every backend (no answers on the pool's open connections).
        long pid = serverPid.getAsLong();
        List<Long> server = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> server.add(p.pid()));
        server.forEach(p -> Kill.signal("STOP", p));
        long stopped = System.nanoTime();
        try {
            int status = 200;
            while (status == 200 && System.nanoTime() - stopped < Duration.ofSeconds(3).toNanos()) {
                int[] s = new int[1];
                long took = millis(() -> s[0] = ready());
                status = s[0];
                assertTrue(took < 1000, "readiness waited " + took + " ms on a hung store");
            }
            long down = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
            assertEquals(503, status, "readiness still UP 3 s after the store hung");
            assertTrue(down <= 1000, "readiness went DOWN only after " + down + " ms");

            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    Response r = given().contentType("application/json").body(memoryIncident()).post("/v1/decisions");
                    return new long[] {r.statusCode(), Duration.ofNanos(System.nanoTime() - start).toMillis(),
                            "MEMORY_UNAVAILABLE".equals(r.jsonPath().getString("code")) ? 1 : 0};
                }));
            }
            long limit = timeout.toMillis() + 1000; // the timeout, plus HTTP and a busy CI machine
            for (Future<long[]> f : answers) {
                long[] a = f.get(30, TimeUnit.SECONDS);
                assertEquals(503, a[0]);
                assertEquals(1, a[2], "refused as MEMORY_UNAVAILABLE");
                assertTrue(a[1] <= limit, "a decision waited " + a[1] + " ms for a hung store (limit " + limit + " ms)");
            }
            clients.shutdown();
            decide("{\"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"sales\"}")
                    .statusCode(200).body("memory", org.hamcrest.Matchers.equalTo("NOT_USED"));
        } finally {
            server.forEach(p -> Kill.signal("CONT", p));
        }
        long resumed = System.nanoTime();
        while (ready() != 200) {
            assertTrue(System.nanoTime() - resumed < Duration.ofSeconds(5).toNanos(), "not ready 5 s after SIGCONT");
            Thread.sleep(50);
        }
        for (int i = 0; i < 10; i++) {
            decide(memoryIncident()).statusCode(200); // no retries needed: the pool kept no broken connection
        }
    }
}
