package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.decision.EvaluationThreads;
import io.frontlineguard.decision.StuckRules;
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
 * A decision whose rules never return, over HTTP: the client gets 503 DECISION_TIMEOUT at the
 * deadline, the attempt is logged and counted, liveness reports the stuck thread, and everything
 * recovers once it ends. The stuck rule base is put in force directly, past the sandbox, because
 * this is what must still hold if the sandbox ever lets something through.
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
        StuckRules.release();
        Verified verified = new VerifiedRules(Clock.systemUTC()).verify(FolderSnapshot.read(Path.of("rules")));
        active.activate(verified.rules(), verified.coverage().scenariosByRule());
        for (int i = 0; i < 500 && EvaluationThreads.decisions().overdue() > 0; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void shouldAnswer503AndLogTheAttemptWhenTheRulesMissTheDeadline() {
        StuckRules.rearm();
        active.activate(StuckRules.ruleSet(), Map.of());

        io.restassured.response.Response timedOut = given().contentType(ContentType.JSON).body(INCIDENT)
                .when().post("/v1/decisions")
                .then().statusCode(503).contentType(containsString("application/problem+json"))
                .body("code", equalTo("DECISION_TIMEOUT"))
                .body("detail", containsString("did not finish within 200 ms"))
                .extract().response();
        Conformance.assertConforms("Problem", timedOut);
        String detail = timedOut.path("detail");

        given().when().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'evaluations' }.status", equalTo("DOWN"));
        StuckRules.release();

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
    void shouldDecideAgainAndReportLiveOnceTheStuckEvaluationEnds() throws InterruptedException {
        StuckRules.rearm();
        active.activate(StuckRules.ruleSet(), Map.of());
        given().contentType(ContentType.JSON).body(INCIDENT).when().post("/v1/decisions").then().statusCode(503);
        restore();
        assertEquals(0, EvaluationThreads.decisions().overdue());
        given().when().get("/q/health/live").then().statusCode(200);
        given().contentType(ContentType.JSON).body(INCIDENT).when().post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void shouldGiveTheTimedOutItemOfABatchItsOwnProblem() {
        StuckRules.rearm();
        active.activate(StuckRules.ruleSet(), Map.of());
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
