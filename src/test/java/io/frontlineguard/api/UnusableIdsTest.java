package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An id that could never be looked up or erased again (blank, "." or "..": no URL can name it)
 * is refused where it enters, with a message that does not repeat it, and nothing is recorded.
 */
@QuarkusTest
class UnusableIdsTest {

    @TestHTTPResource("/")
    URI root;

    private static String incident(String fields) {
        return "{\"incidentId\": \"U-" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\","
                + " \"channel\": \"PHONE\", \"department\": \"call-center\", " + fields + "}";
    }

    private static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "officer-dev-only");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "", "   ", "\u3000", "\uFF0E"})
    void shouldRefuseADecisionForACallerWhoCouldNeverBeFoundAgain(String callerId) {
        given().contentType(ContentType.JSON).body(incident("\"caller\": {\"callerId\": \"" + callerId + "\", \"blocked\": true}"))
                .post("/v1/decisions").then().statusCode(400)
                .body("code", equalTo("INVALID_INCIDENT"), "errors.path", contains("caller.callerId"),
                        "errors.code", contains("INVALID_ID"));
    }

    @Test
    void shouldRefuseUnusableEmployeeIdsInTheHandlerAndTheDemands() {
        given().contentType(ContentType.JSON).body(incident("\"handler\": {\"employeeId\": \"..\"}, \"demands\": ["
                        + "{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-7\"}, {\"type\": \"EMPLOYEE_DISMISSAL\", \"employeeId\": \" \"}]"))
                .post("/v1/decisions").then().statusCode(400)
                .body("code", equalTo("INVALID_INCIDENT"), "errors.path", contains("handler.employeeId", "demands[1].employeeId"),
                        "errors.code", contains("INVALID_ID", "INVALID_ID"));
    }

    @Test
    void shouldRefuseAnUnusableIdInABatchItem() {
        given().contentType(ContentType.JSON).body("{\"incidents\": [" + incident("\"caller\": {\"callerId\": \".\"}") + "]}")
                .post("/v1/decisions:batch").then().statusCode(200)
                .body("results[0].problem.code", equalTo("INVALID_INCIDENT"),
                        "results[0].problem.errors.code", contains("INVALID_ID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%20", "%20%20", "%E3%80%80", "%EF%BC%8E", "%EF%BC%8E%EF%BC%8E", "%01", "a%00b"})
    void shouldRefuseACaseworkPathWhoseIdCouldNotBeACaller(String encoded) throws Exception {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> r = send(method, "v1/callers/" + encoded + "?reason=test", null);
            org.junit.jupiter.api.Assertions.assertEquals(400, r.statusCode(), method + " " + encoded + ": " + r.body());
            org.junit.jupiter.api.Assertions.assertTrue(r.body().contains("\"code\":\"INVALID_REQUEST\""), r.body());
        }
        HttpResponse<String> flagged = send("POST", "v1/callers/" + encoded + "/flags",
                "{\"flag\": \"BLOCKED\", \"source\": \"legal\", \"reason\": \"test\"}");
        org.junit.jupiter.api.Assertions.assertEquals(400, flagged.statusCode(), flagged.body());
    }

    @Test
    void shouldNotRepeatTheRefusedIdInTheProblem() {
        String secret = "4711-secret-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(incident("\"caller\": {\"callerId\": \"" + secret + "\\u0007\"}"))
                .post("/v1/decisions").then().statusCode(400)
                .body("errors.path", contains("caller.callerId")).body(not(containsString("4711")));
        officer().urlEncodingEnabled(false).get("/v1/callers/" + secret + "%07").then().statusCode(400).body(not(containsString("4711")));
        officer().get("/v1/callers/" + secret + "x".repeat(130)).then().statusCode(400).body(not(containsString("4711")));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(root.resolve("/" + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("officer:officer-dev-only".getBytes()));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
