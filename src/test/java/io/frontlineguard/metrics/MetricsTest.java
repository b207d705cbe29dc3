package io.frontlineguard.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** /q/metrics after a decision and an error, in Prometheus format. */
@QuarkusTest
class MetricsTest {

    @Test
    void shouldExposeDecisionRuleErrorAndLogMetrics() {
        given().contentType(ContentType.JSON).body("""
                {"occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE", "department": "call-center",
                 "demands": [{"type": "VISIT", "immediate": true, "place": "PUBLIC_PLACE"}]}""")
                .when().post("/v1/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"channel\": \"FAX\"}")
                .when().post("/v1/decisions").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("guard_decisions_total{action=\"REFUSE_VISIT\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("guard_evaluation_seconds_bucket{"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("guard_evaluation_seconds_count"));
        org.hamcrest.MatcherAssert.assertThat(metrics,
                containsString("guard_rule_fired_total{rule=\"Refuse a visit when the caller gives no reason\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics,
                containsString("guard_request_errors_total{code=\"INVALID_INCIDENT\",status=\"400\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("guard_decision_log_backlog"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("guard_decision_log_failures_total"));
        org.hamcrest.MatcherAssert.assertThat(metrics, matchesPattern(
                "(?s).*guard_decision_log_enabled(\\{[^}]*\\})? 1\\.0.*"));
    }
}
