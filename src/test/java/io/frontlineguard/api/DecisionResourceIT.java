package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.frontlineguard.security.PackagedCallingSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same API tests, run against the packaged application, with its production defaults. */
@QuarkusIntegrationTest
class DecisionResourceIT extends DecisionResourceTest {

    @BeforeAll
    static void signIn() {
        PackagedCallingSystem.signIn();
    }

    @AfterAll
    static void signOut() {
        PackagedCallingSystem.signOut();
    }

    @Test
    void shouldAnswerNotFoundToEveryoneWhileTheAdminEndpointsAreOff() {
        given().when().post("/v1/admin/rules/reload")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", containsString("guard.admin.enabled=false"));
    }
}
