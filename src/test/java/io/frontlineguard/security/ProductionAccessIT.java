package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged jar, production profile: no anonymous decision, no decision for a foreign department, no anonymous lookup. */
@QuarkusIntegrationTest
class ProductionAccessIT {

    static final String SHOP = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "shop"}""";
    static final String CALL_CENTER = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center"}""";

    @Test
    void shouldRefuseAnonymousDecisionsAndLookups() {
        given().contentType("application/json").body(SHOP).post("/v1/decisions?record=false")
                .then().statusCode(401).header("WWW-Authenticate", notNullValue()).body("code", equalTo("UNAUTHORIZED"));
        given().contentType("application/json").body("{\"incidents\": [" + SHOP + "]}").post("/v1/decisions:batch")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().get("/v1/decisions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void shouldDecideOnlyForTheCallingSystemsDepartments() {
        given().auth().preemptive().basic("it-shop", PackagedCallingSystem.PASSWORD).contentType("application/json")
                .body(SHOP).post("/v1/decisions").then().statusCode(200);
        given().auth().preemptive().basic("it-shop", PackagedCallingSystem.PASSWORD).contentType("application/json")
                .body(CALL_CENTER).post("/v1/decisions").then().statusCode(403)
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"));
    }
}
