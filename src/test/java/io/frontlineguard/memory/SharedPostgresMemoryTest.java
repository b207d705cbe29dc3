package io.frontlineguard.memory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Case memory on a shared PostgreSQL reached through quarkus.datasource.*, as several instances use it. */
@QuarkusTest
@TestProfile(SharedPostgresProfile.class)
class SharedPostgresMemoryTest extends CaseMemoryContract {

    @Override
    Path storeFiles() {
        return PostgresServer.DATA.resolve("data");
    }

    /**
     * The database goes away in the middle of a stream of decisions for one caller and case and
     * comes back. While it is away, those decisions are refused (never decided as if nobody knew
     * the caller), readiness is DOWN and the refusals are counted; an incident without ids is
     * still decided. Once it is back, every refused incident retried with the same body is counted
     * exactly once: nothing was half-written.
     */
    @Test
    void shouldRefuseRatherThanForgetWhileTheDatabaseIsDownAndLoseNothingOnceItIsBack() throws Exception {
        String caller = fresh("outage-caller");
        String caseId = fresh("outage-case");
        int total = 120;
        Map<String, Integer> status = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        double unavailableBefore = unavailableCount();
        for (int i = 0; i < total; i++) {
            String body = body(caller, caseId, i);
            sent.add(load.submit(() -> status.put(body, decide(body).extract().statusCode())));
            if (i == total / 3) {
                PostgresServer.stopServer();
            }
        }
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();
        long refused = status.values().stream().filter(s -> s == 503).count();
        assertTrue(refused > 0, "no decision was refused while the database was down");
        assertEquals(total, status.values().stream().filter(s -> s == 200 || s == 503).count(), "other statuses: " + status.values());
        decide(body(caller, caseId, -1)).statusCode(503).body("code", equalTo("MEMORY_UNAVAILABLE"));
        given().get("/q/health/ready").then().statusCode(503);
        decide("{\"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"sales\"}")
                .statusCode(200).body("memory", equalTo("NOT_USED"));
        assertTrue(unavailableCount() >= unavailableBefore + refused);

        PostgresServer.restartServer();
        long restarted = System.nanoTime();
        while (StoreFailures.ready() != 200) { // readiness reports the probe's last answer, taken every 0.2 s
            assertTrue(System.nanoTime() - restarted < Duration.ofSeconds(5).toNanos(), "not ready 5 s after the restart");
            Thread.sleep(50);
        }
        for (Map.Entry<String, Integer> e : status.entrySet()) {
            if (e.getValue() == 503) {
                decideUntilAnswered(e.getKey());
            }
        }
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("cases[0].facts.contacts", equalTo(total));
    }

    /** A hung shared server (SIGSTOP) costs a decision the timeout, not minutes; SIGCONT heals it. */
    @Test
    void shouldRefuseWithinTheTimeoutAndGoUnreadyWithinASecondWhileTheServerIsHungThenRecover() throws Exception {
        StoreFailures.shouldRefuseQuicklyWhileHungAndRecoverByItself(PostgresServer::pid, Duration.ofMillis(500));
    }

    /** A shared server hung under a load of decisions: each answered in time, none 200 and lost, every retry counted once. */
    @Test
    void shouldAnswerEveryDecisionWithinTheTimeoutAndLoseNoAnsweredWriteWhenTheServerHangsUnderLoad() throws Exception {
        StoreFailures.shouldAnswerEveryDecisionInTimeWhileTheStoreHangsUnderLoad(PostgresServer::pid, Duration.ofMillis(500),
                memory.data());
    }

    /** The database restarted (a failover, a maintenance window): once ready again, no decision pays for the old connections. */
    @Test
    void shouldRecoverThePoolByItselfWhenTheServerRestarts() throws Exception {
        for (int i = 0; i < 8; i++) {
            decide(StoreFailures.memoryIncident()).statusCode(200);
        }
        PostgresServer.stopServer();
        long stopped = System.nanoTime();
        while (StoreFailures.ready() == 200) {
            assertTrue(System.nanoTime() - stopped < Duration.ofSeconds(2).toNanos(), "readiness UP 2 s after the server stopped");
            Thread.sleep(50);
        }
        PostgresServer.restartServer();
        long restarted = System.nanoTime();
        while (StoreFailures.ready() != 200) {
            assertTrue(System.nanoTime() - restarted < Duration.ofSeconds(5).toNanos(), "not ready 5 s after the restart");
            Thread.sleep(50);
        }
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(load.submit(() -> decide(StoreFailures.memoryIncident()).extract().statusCode()));
        }
        for (Future<Integer> f : answers) {
            assertEquals(200, f.get(30, TimeUnit.SECONDS));
        }
        load.shutdown();
    }

    private static String body(String caller, String caseId, int i) {
        return incident("outage-" + caseId + "-" + i, "call-center", "\"caseId\": \"" + caseId + "\","
                + " \"caller\": {\"callerId\": \"" + caller + "\"}");
    }

    /** The first requests after the restart may still meet a connection the pool had before it. */
    private static void decideUntilAnswered(String body) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            int code = decide(body).extract().statusCode();
            if (code == 200) {
                return;
            }
            Thread.sleep(200);
        }
        decide(body).statusCode(200);
    }

    private static double unavailableCount() {
        Matcher m = Pattern.compile("(?m)^guard_memory_unavailable_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(given().accept(ContentType.TEXT).get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
