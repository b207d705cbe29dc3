package io.frontlineguard.memory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.frontlineguard.casework.ApprovedLift;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A phone number is one caller however the front line spells it: a block recorded under one
 * spelling is enforced, shown and lifted under any other.
 */
@QuarkusTest
class OnePersonOneCallerTest {

    @Inject
    Memory memory;

    /** A fresh Japanese mobile number, as its two blocks of four digits: the store outlives test runs. */
    private static String[] mobile() {
        int n = ThreadLocalRandom.current().nextInt(100_000_000);
        String digits = String.format("%08d", n);
        return new String[] {digits.substring(0, 4), digits.substring(4)};
    }

    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.codePoints().forEach(c -> out.appendCodePoint(c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c == ' ' ? 0x3000 : c));
        return out.toString();
    }

    private static ValidatableResponse decide(String department, String fields) {
        return given().contentType(ContentType.JSON).body("{\"incidentId\": \"ONE-" + UUID.randomUUID() + "\","
                + " \"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \""
                + department + "\", " + fields + "}").post("/v1/decisions").then().statusCode(200);
    }

    private static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "officer-dev-only");
    }

    @Test
    void shouldEnforceABlockRecordedUnderOneSpellingWhenTheNextContactUsesAnother() {
        String[] m = mobile();
        decide("call-center", "\"caller\": {\"callerId\": \"090-" + m[0] + "-" + m[1] + "\", \"blocked\": true}");

        for (String spelling : new String[] {"+81 90 " + m[0] + " " + m[1], "090" + m[0] + m[1],
                fullWidth("090" + m[0] + m[1]), fullWidth("+81-90-" + m[0] + "-" + m[1]), " (090) " + m[0] + "-" + m[1] + " "}) {
            decide("sales", "\"caller\": {\"callerId\": \"" + spelling + "\"}")
                    .body("remembered.fact", hasItem("caller.blocked"), "actions.code", hasItem("NO_APOLOGY"));
        }
        String[] other = mobile();
        decide("sales", "\"caller\": {\"callerId\": \"+81 90 " + other[0] + " " + other[1] + "\"}")
                .body("remembered.fact", not(hasItem("caller.blocked")));
    }

    @Test
    void shouldShowAndLiftTheCallerUnderAnySpelling() {
        String[] m = mobile();
        decide("call-center", "\"caller\": {\"callerId\": \"" + fullWidth("090-" + m[0] + "-" + m[1]) + "\", \"blocked\": true}");

        officer().get("/v1/callers/+81-90-" + m[0] + "-" + m[1]).then().statusCode(200)
                .body("blocked.department", equalTo("call-center"),
                        "callerKey", equalTo(memory.pseudonym("090" + m[0] + m[1])));
        officer().get("/v1/callers/090 " + m[0] + " " + m[1]).then().statusCode(200)
                .body("blocked.department", equalTo("call-center"));
        officer().get("/v1/callers/" + fullWidth("090" + m[0] + m[1])).then().statusCode(200)
                .body("blocked.department", equalTo("call-center"));
        ApprovedLift.of("+8190" + m[0] + m[1], "settled");
        officer().queryParam("reason", "data-protection request").delete("/v1/callers/090." + m[0] + "." + m[1])
                .then().statusCode(200);
        officer().get("/v1/callers/090-" + m[0] + "-" + m[1]).then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
    }

    @Test
    void shouldRememberAnEmployeeDemandedUnderAnotherSpellingOfTheirId() {
        String employee = "E-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String caseId = "\"caseId\": \"one-case-" + UUID.randomUUID() + "\"";
        decide("it-backoffice", caseId + ", \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"" + employee + "\"}]");
        decide("it-backoffice", caseId + ", \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \" "
                + fullWidth(employee) + "\u3000\"}]")
                .body("remembered.fact", hasItem("demands[0].namedBefore"), "actions.code", hasItem("EMPLOYEE_CARE"));
    }

    @Test
    void shouldLogOneCallerUnderOnePseudonymHoweverTheNumberIsSpelt() {
        String[] m = mobile();
        String first = decide("call-center", "\"caller\": {\"callerId\": \"090-" + m[0] + "-" + m[1] + "\"}")
                .extract().path("decisionId");
        String second = decide("sales", "\"caller\": {\"callerId\": \"" + fullWidth("+81 90 " + m[0] + " " + m[1]) + "\"}")
                .extract().path("decisionId");
        String[] other = mobile();
        String third = decide("sales", "\"caller\": {\"callerId\": \"090-" + other[0] + "-" + other[1] + "\"}")
                .extract().path("decisionId");
        String logged = officer().get("/v1/decisions/" + first).then().statusCode(200).extract().path("request.caller.callerId");
        assertEquals(logged, officer().get("/v1/decisions/" + second).then().statusCode(200).extract().path("request.caller.callerId"));
        assertNotEquals(logged, officer().get("/v1/decisions/" + third).then().extract().path("request.caller.callerId"));
    }

    @Test
    void shouldKeepCustomerNumbersApartThatDifferOnlyInOneDigit() {
        String customer = "C-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        decide("call-center", "\"caller\": {\"callerId\": \"" + customer + "\", \"blocked\": true}");
        decide("sales", "\"caller\": {\"callerId\": \"" + fullWidth(customer) + "\"}")
                .body("remembered.fact", hasItem("caller.blocked"));
        decide("sales", "\"caller\": {\"callerId\": \"" + customer + "0\"}")
                .body("remembered.fact", not(hasItem("caller.blocked")));
    }
}
