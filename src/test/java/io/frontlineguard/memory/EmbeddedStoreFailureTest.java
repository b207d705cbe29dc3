package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.decide;
import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static io.frontlineguard.memory.CaseMemoryContract.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.memory.embedded.EmbeddedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The embedded store broken as machines break it — hung, killed, unable to restart — and healing by itself. */
@QuarkusTest
@TestProfile(EmbeddedStoreFailureTest.Profile.class)
class EmbeddedStoreFailureTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.memory.dir", "target/memory-failure-test", "guard.memory.timeout", TIMEOUT.toMillis() + "ms",
                    "guard.memory.server-down-limit", "2s");
        }
    }

    @Inject
    Memory memory;

    private EmbeddedServer server() {
        return memory.embeddedServer().orElseThrow();
    }

    @Test
    void shouldRefuseWithinTheTimeoutAndGoUnreadyWithinASecondWhileTheServerIsHungThenRecover() throws Exception {
        StoreFailures.shouldRefuseQuicklyWhileHungAndRecoverByItself(() -> server().pid(), TIMEOUT);
    }

    @Test
    void shouldAnswerEveryDecisionWithinTheTimeoutAndLoseNoAnsweredWriteWhenTheServerHangsUnderLoad() throws Exception {
        StoreFailures.shouldAnswerEveryDecisionInTimeWhileTheStoreHangsUnderLoad(() -> server().pid(), TIMEOUT, memory.data());
    }

    @Test
    void shouldRestartAKilledServerWithinSecondsAndRememberWhatItKnew() throws Exception {
        String caller = fresh("killed-store-caller");
        decide(incident(fresh("K"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\", \"policeInvolvement\": \"ARRESTED\"}"))
                .statusCode(200).body("memory", equalTo("RECORDED"));
        double restartsBefore = metric("guard_memory_server_restarts_total");
        long killed = server().pid();
        Kill.signal("KILL", killed);
        long start = System.nanoTime();
        int status = 0;
        while (status != 200 && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
            status = decide(incident(fresh("K"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).extract().statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(status == 200, "decisions did not recover within 15 s");
        assertTrue(took < 10_000, "the server was back only after " + took + " ms");
        assertNotEquals(killed, server().pid());
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("blocked", notNullValue());
        assertTrue(metric("guard_memory_server_restarts_total") >= restartsBefore + 1);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldGoNotAliveWhileTheServerCannotBeRestartedAndAliveOnceItIsBack() throws Exception {
        Path data = server().dataFolder();
        Path away = data.resolveSibling("postgres.away");
        Files.move(data, away);
        try {
            Kill.signal("KILL", server().pid());
            long start = System.nanoTime();
            while (given().get("/q/health/live").then().extract().statusCode() == 200) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "liveness still UP 10 s later");
                Thread.sleep(100);
            }
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == 'case-memory-server' }.status", equalTo("DOWN"));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            Files.move(away, data);
        }
        long back = System.nanoTime();
        while (given().get("/q/health/live").then().extract().statusCode() != 200) {
            assertTrue(System.nanoTime() - back < Duration.ofSeconds(10).toNanos(), "liveness not UP 10 s after the fix");
            Thread.sleep(100);
        }
        while (given().get("/q/health/ready").then().extract().statusCode() != 200) {
            assertTrue(System.nanoTime() - back < Duration.ofSeconds(10).toNanos(), "readiness not UP 10 s after the fix");
            Thread.sleep(100);
        }
        decide(StoreFailures.memoryIncident()).statusCode(200);
    }

    private static double metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(given().accept(ContentType.TEXT).get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
