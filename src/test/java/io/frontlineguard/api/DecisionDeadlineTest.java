package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.EvaluationThreads;
import io.frontlineguard.decision.LoopingRules;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.verification.Verified;
import io.frontlineguard.verification.VerifiedRules;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A decision whose rules never stop firing, over HTTP: the watchdog halts it at the deadline, the
 * client gets 503 DECISION_TIMEOUT then, the attempt is logged and counted, and the next decision is
 * made as usual. The looping rule base is put in force directly, past the sandbox, because this is
 * what must still hold if the sandbox ever lets something through. (A rule stuck inside one firing,
 * which no halt reaches, is held at the engine: {@code WatchdogTest} counts it as overdue, the
 * count liveness reads. Before issue 32 this test used such a rule here, because the request's
 * evaluation ran on another thread and the request was answered without it.)
 */
@QuarkusTest
@TestProfile(DecisionDeadlineTest.ShortDeadline.class)
@Timeout(60)
class DecisionDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.decision.deadline", "200ms", "guard.decision.max-overdue", "1");
        }
    }

    private static final String INCIDENT = """
            {"incidentId": "T-DEADLINE", "occurredAt": "2026-05-01T10:00:00+09:00", "channel": "PHONE",
             "department": "call-center"}""";

    @Inject
    ActiveRules active;

    @AfterEach
    void restore() throws InterruptedException {
        Verified verified = new VerifiedRules(Clock.systemUTC()).verify(FolderSnapshot.read(Path.of("rules")));
        active.activate(verified.rules(), verified.coverage().scenariosByRule());
        for (int i = 0; i < 500 && EvaluationThreads.decisions().overdue() + DecisionEngine.overdueOnRequestThreads() > 0; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void shouldAnswer503AndLogTheAttemptWhenTheRulesMissTheDeadline() {
        active.activate(LoopingRules.ruleSet(), Map.of());

        long start = System.nanoTime();
        io.restassured.response.Response timedOut = given().contentType(ContentType.JSON).body(INCIDENT)
                .when().post("/v1/decisions")
                .then().statusCode(503).contentType(containsString("application/problem+json"))
                .body("code", equalTo("DECISION_TIMEOUT"))
                .body("detail", containsString("did not finish within 200 ms"))
                .extract().response();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        // Unhalted, the rules would fire for ten seconds. The deadline, one look of the watchdog and one
        // firing, plus the HTTP round trip; the rest is slack for a shared machine.
        assertTrue(elapsedMs >= 200 && elapsedMs < 200 + 800, "answered after " + elapsedMs + " ms");
        Conformance.assertConforms("Problem", timedOut);
        String detail = timedOut.path("detail");

        // The halted run ended, so nothing is stuck and the process stays live.
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'evaluations' }.status", equalTo("UP"));

        Matcher id = Pattern.compile("decision (\\S+) did not finish").matcher(detail);
        assertTrue(id.find(), detail);
        given().auth().preemptive().basic("officer", "officer-dev-only").when().get("/v1/decisions/" + id.group(1))
                .then().statusCode(200).body("outcome", equalTo("TIMED_OUT")).body("incidentId", equalTo("T-DEADLINE"))
                .body("actions.size()", equalTo(0));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("guard_decision_timeouts_total") && !l.endsWith(" 0.0")), metrics);
        assertTrue(metrics.contains("guard_request_errors_total{code=\"DECISION_TIMEOUT\",status=\"503\"}"), "counted as an error");
    }

    @Test
    void shouldDecideAgainAndReportLiveAfterAHalt() throws InterruptedException {
        active.activate(LoopingRules.ruleSet(), Map.of());
        given().contentType(ContentType.JSON).body(INCIDENT).when().post("/v1/decisions").then().statusCode(503);
        restore();
        assertEquals(0, EvaluationThreads.decisions().overdue() + DecisionEngine.overdueOnRequestThreads());
        given().when().get("/q/health/live").then().statusCode(200);
        given().contentType(ContentType.JSON).body(INCIDENT).when().post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void shouldGiveTheTimedOutItemOfABatchItsOwnProblem() {
        active.activate(LoopingRules.ruleSet(), Map.of());
        io.restassured.response.Response batch = given().contentType(ContentType.JSON)
                .body("{\"incidents\": [" + INCIDENT + "]}")
                .when().post("/v1/decisions:batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo(503))
                .body("results[0].problem.code", equalTo("DECISION_TIMEOUT"))
                .extract().response();
        Conformance.assertConforms("BatchResponse", batch);
    }
}
