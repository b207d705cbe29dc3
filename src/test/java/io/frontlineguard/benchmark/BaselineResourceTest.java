package io.frontlineguard.benchmark;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP benchmark's baseline: the decision endpoint's work without the rules, switched on by configuration. */
@QuarkusTest
@TestProfile(BaselineResourceTest.BaselineOn.class)
class BaselineResourceTest {

    public static class BaselineOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.bench.baseline", "true");
        }
    }

    static final String INCIDENT = """
            {"incidentId": "CRM-1", "occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE",
             "department": "call-center", "demands": [{"type": "VISIT", "immediate": true}]}
            """;

    @Test
    void shouldAnswerWithExactlyTheRequestedNumberOfBytes() {
        int decisionSize = given().contentType(ContentType.JSON).body(INCIDENT)
                .when().post("/v1/decisions")
                .then().statusCode(200).extract().asByteArray().length;
        byte[] baseline = given().contentType(ContentType.JSON).body(INCIDENT)
                .when().post("/bench/baseline?bytes=" + decisionSize)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("incidentId", equalTo("CRM-1"))
                .body("actions.size()", equalTo(0))
                .extract().asByteArray();
        assertEquals(decisionSize, baseline.length, new String(baseline, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPadAnAnonymousIncidentToTheRequestedSizeToo() {
        String anonymous = INCIDENT.replace("\"incidentId\": \"CRM-1\", ", "");
        byte[] baseline = given().contentType(ContentType.JSON).body(anonymous)
                .when().post("/bench/baseline?bytes=2000")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(2000, baseline.length, new String(baseline, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRejectInvalidIncidentsLikeTheDecisionEndpoint() {
        given().contentType(ContentType.JSON).body("{\"incidentId\": \"X\", \"chanel\": \"PHONE\"}")
                .when().post("/bench/baseline")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_INCIDENT"))
                .body("errors.path", hasItem("chanel"));
    }
}
