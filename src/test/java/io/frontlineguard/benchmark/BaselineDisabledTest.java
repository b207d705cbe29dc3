package io.frontlineguard.benchmark;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Outside the bench profile the baseline endpoint does not exist. */
@QuarkusTest
class BaselineDisabledTest {

    @Test
    void shouldNotServeTheBaselineOutsideTheBenchProfile() {
        given().contentType(ContentType.JSON).body(BaselineResourceTest.INCIDENT)
                .when().post("/bench/baseline")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
