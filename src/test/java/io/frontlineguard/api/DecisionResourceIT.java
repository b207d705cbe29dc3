package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The same API tests, run against the packaged application, with its production defaults. */
@QuarkusIntegrationTest
class DecisionResourceIT extends DecisionResourceTest {

    @Test
    void shouldAnswerNotFoundToEveryoneWhileTheAdminEndpointsAreOff() {
        given().when().post("/v1/admin/rules/reload")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", containsString("guard.admin.enabled=false"));
    }
}
