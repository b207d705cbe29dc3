package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.decide;
import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

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

    /** One decision of a load: what was sent and what came back, how fast. */
    record Answer(String incidentId, String body, int status, String code, String memory, long millis, long startedAt,
                  String answer) {
    }

    static Answer send(String incidentId, String body) {
        long start = System.nanoTime();
        Response r = given().contentType("application/json").body(body).post("/v1/decisions");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String json = r.asString();
        boolean isJson = json.startsWith("{");
        return new Answer(incidentId, body, r.statusCode(), isJson ? r.jsonPath().getString("code") : null,
                isJson ? r.jsonPath().getString("memory") : null, millis, start,
                r.statusCode() == 200 ? "" : json.substring(0, Math.min(300, json.length())));
    }

    /**
     * The store hangs under a load of many decisions at once, some of them reading, some queued for
     * the writer, some in a batch in flight. Every decision is answered in bounded time (its write
     * within its deadline; its read within the pool's and the driver's timeouts, see the limit
     * below), 200 only when recorded, otherwise 503 MEMORY_UNAVAILABLE. Once the store is back, each refused incident retried with
     * its body is answered 200, never 409 (one whose batch committed after its 503 is a RETRY), and
     * every incident, answered or retried, is recorded exactly once.
     */
    static void shouldAnswerEveryDecisionInTimeWhileTheStoreHangsUnderLoad(LongSupplier serverPid, Duration timeout,
                                                                          DataSource data) throws Exception {
        decide(memoryIncident()).statusCode(200);
        int clients = 24;
        AtomicBoolean stop = new AtomicBoolean();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(load.submit(() -> {
                while (!stop.get()) {
                    String id = fresh("load");
                    Answer a = send(id, incident(id, "call-center", "\"caseId\": \"" + fresh("load-case")
                            + "\", \"caller\": {\"callerId\": \"" + fresh("load-caller") + "\"}"));
                    answers.add(a);
                    if (a.status() != 200) {
                        Thread.sleep(100); // as a calling system backs off; and fewer refusals to retry below
                    }
                }
                return null;
            }));
        }
        long warming = System.nanoTime();
        while (answers.size() < 2 * clients) { // the load is under way, on however busy a machine
            assertTrue(System.nanoTime() - warming < Duration.ofSeconds(30).toNanos(), "the load never got going");
            Thread.sleep(50);
        }
        long pid = serverPid.getAsLong();
        List<Long> server = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> server.add(p.pid()));
        server.forEach(p -> Kill.signal("STOP", p));
        long stopped = System.nanoTime();
        try {
            Thread.sleep(timeout.toMillis() * 2 + 1000);
        } finally {
            server.forEach(p -> Kill.signal("CONT", p));
        }
        long resumed = System.nanoTime();
        while (ready() != 200) {
            assertTrue(System.nanoTime() - resumed < Duration.ofSeconds(5).toNanos(), "not ready 5 s after SIGCONT");
            Thread.sleep(50);
        }
        Thread.sleep(500);
        stop.set(true);
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        load.shutdown();

        // The write has one deadline, but the read does not yet: one already on the server when it hung ends with
        // the connection's own timeouts, and one that waits for the pool to open a connection to the hung server
        // waits the pool's acquisition timeout and the driver's login timeout, whole seconds (seen here: up to
        // 2.1 s at a 500 ms timeout). This limit is what holds today, not the promise; README "One deadline".
        long limit = Math.max(timeout.toMillis(), 1000) * 2 + 1000;
        long refused = answers.stream().filter(a -> a.status() == 503).count();
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        for (Answer a : answers) {
            assertTrue(a.status() == 200 || (a.status() == 503 && "MEMORY_UNAVAILABLE".equals(a.code())),
                    "answered " + a.status() + " " + a.code());
            assertTrue(a.millis() <= limit, "a decision waited " + a.millis() + " ms (limit " + limit + " ms), from "
                    + Duration.ofNanos(a.startedAt() - stopped).toMillis() + " ms after the store hung: " + a.status() + " "
                    + a.answer() + "; slow ones: " + answers.stream().filter(s -> s.millis() > timeout.toMillis())
                    .map(s -> s.millis() + "ms@" + Duration.ofNanos(s.startedAt() - stopped).toMillis() + ":" + s.status())
                    .toList());
        }
        assertTrue(refused >= clients, "only " + refused + " decisions were refused while the store hung");
        int retries = 0;
        for (Answer a : answers) {
            if (a.status() == 503) {
                Answer again = send(a.incidentId(), a.body());
                assertEquals(200, again.status(), "a refused incident retried once the store is back: " + again.code());
                retries += "RETRY".equals(again.memory()) ? 1 : 0;
            }
        }
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from memory_incident where incident_id like '%/' || ?")) {
            for (Answer a : answers) {
                s.setString(1, a.incidentId());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(1, r.getLong(1), (a.status() == 200 ? "answered 200" : "refused, then retried")
                            + " and recorded " + r.getLong(1) + " times");
                }
            }
        }
        System.out.printf("hung store under load: %d decisions, %d refused, the slowest %d ms (timeout %d ms);"
                + " %d refused ones had been recorded after all (their retry was a RETRY)%n", answers.size(), refused,
                slowest, timeout.toMillis(), retries);
    }
}
