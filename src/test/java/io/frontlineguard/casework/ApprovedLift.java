package io.frontlineguard.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;

/**
 * A block lifted the only way it can be: the dev case officer asks, the dev executive approves.
 * For tests of other capabilities that need a lifted block as their starting point.
 */
public final class ApprovedLift {

    private ApprovedLift() {
    }

    /** Lifts the block of the caller named in the path (any spelling); fails the test if it is not carried out. */
    public static void of(String callerIdInPath, String reason) {
        String id = given().auth().preemptive().basic("officer", "officer-dev-only").contentType(ContentType.JSON)
                .body("{\"reason\": \"" + reason + "\"}").post("/v1/callers/" + callerIdInPath + "/block/lift")
                .then().statusCode(202).extract().path("id");
        given().auth().preemptive().basic("exec", "exec-dev-only").post("/v1/approvals/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }
}
