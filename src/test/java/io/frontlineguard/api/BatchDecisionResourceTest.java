package io.frontlineguard.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.frontlineguard.api.v1.ErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchDecisionResourceTest {

    static final String GOOD = """
            {"incidentId": "B-%d", "occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE",
             "department": "call-center", "demands": [{"type": "VISIT", "immediate": true, "place": "PUBLIC_PLACE"}]}""";

    /** The colon is sent as is; {@link #shouldAcceptAPercentEncodedColon} covers clients that encode it. */
    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().urlEncodingEnabled(false);
    }

    @Test
    void shouldAcceptAPercentEncodedColon() {
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body("{\"incidents\": [" + GOOD.formatted(9) + "]}")
                .when().post("/v1/decisions:batch")
                .then().statusCode(200).body("results[0].decision.incidentId", equalTo("B-9"));
    }

    @Test
    void shouldDecideGoodItemsAndReportBadOnesInOrder() {
        String body = "{\"incidents\": [" + GOOD.formatted(0) + ","
                + "{\"occurredAt\": \"2026-11-23T10:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"x\","
                + " \"caller\": {\"polceInvolvement\": \"ARRESTED\"}},"
                + GOOD.formatted(2) + ", 42, " + GOOD.formatted(4) + "]}";
        JsonPath r = given().contentType(ContentType.JSON).header("Accept-Language", "ja").body(body)
                .when().post("/v1/decisions:batch")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("results", hasSize(5))
                .body("results.index", equalTo(java.util.List.of(0, 1, 2, 3, 4)))
                .body("results.status", equalTo(java.util.List.of(200, 400, 200, 400, 200)))
                .body("results[0].decision.incidentId", equalTo("B-0"))
                .body("results[0].decision.language", equalTo("ja"))
                .body("results[0].decision.actions.code", hasItem("REFUSE_VISIT"))
                .body("results[0].problem", nullValue())
                .body("results[1].decision", nullValue())
                .body("results[1].problem.code", equalTo("INVALID_INCIDENT"))
                .body("results[1].problem.errors.path", hasItem("caller.polceInvolvement"))
                .body("results[2].decision.incidentId", equalTo("B-2"))
                .body("results[3].problem.errors[0].code", equalTo("INVALID_TYPE"))
                .body("results[4].decision.decisionId", notNullValue())
                .extract().jsonPath();
        // Every decided item is logged like a single decision.
        String id = r.getString("results[2].decision.decisionId");
        given().auth().preemptive().basic("officer", "officer-dev-only").when().get("/v1/decisions/" + id).then().statusCode(200).body("incidentId", equalTo("B-2"));
    }

    @Test
    void shouldTakeAThousandIncidentsInOneRequest() {
        String body = "{\"incidents\": [" + String.join(",", Collections.nCopies(1000, GOOD.formatted(7))) + "]}";
        JsonPath r = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/decisions:batch")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1000, r.getList("results").size());
        assertEquals(999, r.getInt("results[-1].index"));
    }

    @Test
    void shouldRefuseMoreThanAThousandIncidents() {
        String body = "{\"incidents\": [" + String.join(",", Collections.nCopies(1001, "{}")) + "]}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/decisions:batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_BATCH"))
                .body("errors[0].path", equalTo("incidents"))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));
    }

    @Test
    void shouldRefuseABodyThatIsNoBatch() {
        given().contentType(ContentType.JSON).body("[" + GOOD.formatted(1) + "]")
                .when().post("/v1/decisions:batch")
                .then().statusCode(400).body("code", equalTo("INVALID_BATCH"));
        given().contentType(ContentType.JSON).body("{\"incidents\": [], \"extra\": 1}")
                .when().post("/v1/decisions:batch")
                .then().statusCode(400).body("code", equalTo("INVALID_BATCH"))
                .body("errors[0].path", equalTo("extra"));
        given().contentType(ContentType.JSON).body("{\"incidents\": [")
                .when().post("/v1/decisions:batch")
                .then().statusCode(400).body("code", equalTo("INVALID_BATCH"))
                .body("errors[0].code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void shouldKeepTheSingleRequestLimitWhileBatchesMayBeLarger() {
        String padding = "x".repeat(300 * 1024);
        given().contentType(ContentType.JSON).body("{\"incidentId\": \"" + padding + "\"}")
                .when().post("/v1/decisions")
                .then().statusCode(413).body("code", equalTo("BODY_TOO_LARGE"));
        // The same 300 KiB is fine for a batch: it is read, and its one item is refused on its own.
        given().contentType(ContentType.JSON).body("{\"incidents\": [{\"incidentId\": \"" + padding + "\"}]}")
                .when().post("/v1/decisions:batch")
                .then().statusCode(200).body("results[0].status", equalTo(400));
        given().contentType(ContentType.JSON).body("{\"incidents\": [\"" + "y".repeat(5 * 1024 * 1024) + "\"]}")
                .when().post("/v1/decisions:batch")
                .then().statusCode(413).body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void shouldDescribeTheBatchAndTheLogLookupInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/decisions:batch'.post.requestBody.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.containsString("BatchRequest"))
                .body("paths.'/v1/decisions/{decisionId}'.get.responses.'404'", notNullValue())
                .body("components.schemas.BatchEnvelope.properties.incidents.maxItems", equalTo(1000))
                .body("components.schemas.ErrorCode.enum", hasItem("INVALID_BATCH"));
    }
}
