package io.frontlineguard.rulemanagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.api.Conformance;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reloading while decisions run: broken or scenario-breaking rules are refused and the running
 * rules stay; a valid change is picked up by the watcher without a restart.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.FixtureRules.class)
class RuleReloadTest {

    public static class FixtureRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ReloadFixture.restore();
            return ReloadFixture.config();
        }
    }

    static final String VISIT_WITHOUT_REASON = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
             "demands": [{"type": "VISIT"}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/decisions")
    URI decisions;

    @BeforeEach
    void startFromTheFixture() {
        ReloadFixture.restore();
        adminReload().then().statusCode(200);
        assertEquals(ReloadFixture.version(), activeVersion());
    }

    @Test
    void shouldKeepRunningRulesWhenReloadedDrlIsBroken() throws Exception {
        String before = activeVersion();
        long failedBefore = catalogue().getLong("reloads.failed");
        Queue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> decideUntilStopped(running, samples));
        }
        try {
            waitFor(() -> samples.size() >= 20, Duration.ofSeconds(10), "decisions to flow");

            // A half-finished edit: the rule file no longer compiles.
            ReloadFixture.write("visits.drl", ReloadFixture.original("visits.drl") + "\nrule \"Unfinished\"\nwhen\n    Demand(type ==\n");
            waitFor(() -> catalogue().getLong("reloads.failed") > failedBefore, Duration.ofSeconds(5),
                    "the watcher to try the broken file");
            io.restassured.response.Response refusal = adminReload().then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("RULES_REJECTED"))
                    .extract().response();
            Conformance.assertConforms("Problem", refusal);
            JsonPath refused = refusal.jsonPath();
            assertTrue(refused.getList("errors", String.class).stream().anyMatch(e -> e.matches("visits\\.drl:[1-9]\\d*:\\d+: .+")),
                    "problems as file:line:col: message: " + refused.getList("errors"));
            JsonPath status = catalogue();
            assertEquals(before, status.getString("rulesetVersion"));
            assertEquals("FAILURE", status.getString("reloads.last.outcome"));
            assertTrue(status.getList("reloads.last.problems", String.class).stream().anyMatch(p -> p.startsWith("visits.drl:")));
            int seenWhileBroken = samples.size();

            // A valid change: the staffing rule now uses a different threshold (3 instead of 2).
            String fixed = ReloadFixture.original("visits.drl").replace("$t.minVisitStaff()", "$t.flaggedMeetingStaff()");
            long changedAt = System.nanoTime();
            ReloadFixture.write("visits.drl", fixed);
            String after = ReloadFixture.version();
            assertNotEquals(before, after);
            waitFor(() -> samples.stream().anyMatch(s -> after.equals(s.version)), Duration.ofSeconds(2),
                    "responses to carry the new version within 2 seconds");
            long pickedUpMillis = (System.nanoTime() - changedAt) / 1_000_000;
            Thread.sleep(200);
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));

            List<Sample> all = new ArrayList<>(samples);
            List<Sample> failed = all.stream().filter(s -> s.status != 200).toList();
            assertEquals(List.of(), failed, "no request may fail during reloads");
            assertTrue(all.subList(0, seenWhileBroken).stream().allMatch(s -> before.equals(s.version)),
                    "while the folder was broken every decision used the running rules");
            for (Sample s : all) {
                // Each response must be wholly the old rule base or wholly the new one.
                boolean old = before.equals(s.version) && s.refused && s.minPeople == 2;
                boolean fresh = after.equals(s.version) && s.refused && s.minPeople == 3;
                if (!old && !fresh) {
                    fail("a decision from no single rule base: " + s);
                }
            }
            assertEquals(after, activeVersion());
            System.out.printf("reload test: %d decisions, new rules answered %d ms after the change%n", all.size(), pickedUpMillis);
        } finally {
            running.set(false);
            clients.shutdownNow();
        }
    }

    @Test
    void shouldRefuseReloadWhenRulesCompileButBreakAScenario() {
        String before = activeVersion();
        long failedBefore = catalogue().getLong("reloads.failed");
        // Compiles and lints, but the scenario expects the visit to be refused.
        ReloadFixture.write("visits.drl", ReloadFixture.original("visits.drl")
                .replace("actions.emit(\"REFUSE_VISIT\");", "actions.emit(\"POSTPONE_VISIT\");"));

        JsonPath refused = adminReload().then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("RULES_REJECTED"))
                .extract().jsonPath();
        assertTrue(refused.getList("errors", String.class).stream()
                        .anyMatch(e -> e.startsWith("visits.scenarios.yaml:") && e.contains("missing action: REFUSE_VISIT")),
                "the failing scenario is named: " + refused.getList("errors"));
        JsonPath status = catalogue();
        assertEquals(before, status.getString("rulesetVersion"));
        assertEquals("FAILURE", status.getString("reloads.last.outcome"));
        assertTrue(status.getLong("reloads.failed") > failedBefore);
        assertEquals(status.getMap("reloads.last"), status.getMap("reloads.history[0]"), "the history starts with the latest attempt");
        assertTrue(status.getList("reloads.history.outcome").contains("SUCCESS"), "and keeps the reloads before it");
        assertTrue(status.getList("reloads.history").size() <= RuleReloader.HISTORY);
        given().contentType("application/json").body(VISIT_WITHOUT_REASON).post("/v1/decisions")
                .then().statusCode(200)
                .body("rulesetVersion", equalTo(before))
                .body("actions.code", hasItem("REFUSE_VISIT"));
    }

    @Test
    void shouldListActiveRulesWithTheirActionsAndCoverage() {
        JsonPath c = catalogue();
        assertEquals(ReloadFixture.version(), c.getString("rulesetVersion"));
        assertEquals(2, c.getInt("ruleCount"));
        assertEquals(2, c.getInt("coveredRuleCount"));
        String refuse = "rules.find { it.name == 'Refuse a visit when the caller gives no reason' }";
        assertEquals("visits.drl", c.getString(refuse + ".file"));
        assertEquals(10, c.getInt(refuse + ".line"));
        assertEquals(List.of("L004-1"), c.getList(refuse + ".lessons"));
        assertEquals(List.of("REFUSE_VISIT"), c.getList(refuse + ".actions"));
        assertTrue(c.getBoolean(refuse + ".covered"));
        assertEquals(List.of("visits.scenarios.yaml › a visit without a reason is refused and staffed"),
                c.getList(refuse + ".scenarios"));
        assertEquals(List.of("REQUIRE_TWO_PERSON_ATTENDANCE"),
                c.getList("rules.find { it.name == 'Send enough staff to any visit' }.actions"));
        assertTrue(c.getString("activatedAt").matches("\\d{4}-\\d\\d-\\d\\dT.+Z"), c.getString("activatedAt"));
        assertEquals("SUCCESS", c.getString("reloads.last.outcome"));
        assertEquals("api", c.getString("reloads.last.trigger"));
    }

    @Test
    void shouldCountReloadsAtTheMetricsEndpoint() {
        ReloadFixture.write("thresholds.yaml", ReloadFixture.original("thresholds.yaml") + "\nnotAThreshold: 1\n");
        adminReload().then().statusCode(422).body("errors[0]", containsString("thresholds.yaml:"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("guard_rules_reloads_total{outcome=\"success\""))
                .body(containsString("guard_rules_reloads_total{outcome=\"failure\""));
    }

    private void decideUntilStopped(AtomicBoolean running, Queue<Sample> samples) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(decisions).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VISIT_WITHOUT_REASON)).build();
        while (running.get()) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                samples.add(Sample.of(r.statusCode(), r.body()));
            } catch (Exception e) {
                samples.add(new Sample(-1, null, false, -1, e.toString()));
            }
        }
    }

    /** What one decision said: enough to tell which rule base produced it. */
    record Sample(int status, String version, boolean refused, int minPeople, String body) {
        static Sample of(int status, String body) {
            try {
                JsonNode d = JSON.readTree(body);
                boolean refused = false;
                int people = -1;
                for (JsonNode a : d.path("actions")) {
                    refused |= a.path("code").asText().equals("REFUSE_VISIT");
                    if (a.path("code").asText().equals("REQUIRE_TWO_PERSON_ATTENDANCE")) {
                        people = a.path("params").path("minPeople").asInt(-1);
                    }
                }
                return new Sample(status, d.path("rulesetVersion").asText(null), refused, people, status == 200 ? null : body);
            } catch (Exception e) {
                return new Sample(status, null, false, -1, body);
            }
        }
    }

    static io.restassured.response.Response adminReload() {
        return given().auth().preemptive().basic("admin", "admin-dev-only").post("/v1/admin/rules/reload");
    }

    static JsonPath catalogue() {
        return given().get("/v1/rules").then().statusCode(200).extract().jsonPath();
    }

    static String activeVersion() {
        return catalogue().getString("rulesetVersion");
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
