package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.frontlineguard.casework.ApprovedLift;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Who asserted what: memory records the authenticated system and the time the service received
 * each fact, a client's word about another department stays that client's claim, people correct
 * wrong facts, a lifted block stays lifted, and one system's incident ids are its own.
 */
@QuarkusTest
class MemoryProvenanceTest {

    /** Two calling systems: the test users clerk and admin are both allowed to decide. */
    private static RequestSpecification clerk() {
        return given().auth().preemptive().basic("clerk", "clerk-dev-only");
    }

    private static RequestSpecification other() {
        return given().auth().preemptive().basic("admin", "admin-dev-only");
    }

    private static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "officer-dev-only");
    }

    private static ValidatableResponse decide(RequestSpecification as, String json) {
        return as.contentType(ContentType.JSON).body(json).post("/v1/decisions").then();
    }

    private static String at(String incidentId, String department, String occurredAt, String fields) {
        return incident(incidentId, department, fields).replace("2026-06-10T11:00:00+09:00", occurredAt);
    }

    @Test
    void shouldKeepTheGenuineSourceOfABlockWhenALaterRequestIsBackDated() {
        String caller = fresh("caller");
        decide(clerk(), incident(fresh("G"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200).body("actions.code", hasItem("BLOCK_CALLER"));
        decide(other(), at(fresh("F"), "sales", "2020-01-01T00:00:00+09:00", "\"caller\": {\"callerId\": \"" + caller
                + "\", \"blocked\": true, \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200);
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked.department", equalTo("call-center"), "blocked.assertedBy", equalTo("clerk"),
                        "policeInvolvement.source.department", equalTo("call-center"),
                        "blocked.receivedAt", notNullValue());
    }

    @Test
    void shouldRecordAClaimedFlaggingDepartmentAsTheClientsClaim() {
        String caller = fresh("caller");
        decide(other(), incident(fresh("C"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true,"
                + " \"flaggedByDepartment\": \"legal\"}")).statusCode(200);
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked.department", equalTo("sales"), "blocked.assertedBy", equalTo("admin"),
                        "blocked.claimedDepartment", equalTo("legal"));
        decide(clerk(), incident(fresh("C"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("remembered.find { it.fact == 'caller.blocked' }.assertedBy", equalTo("admin"),
                        "remembered.find { it.fact == 'caller.blocked' }.department", equalTo("sales"),
                        "remembered.find { it.fact == 'caller.blocked' }.receivedAt", notNullValue(),
                        "remembered.find { it.fact == 'caller.flaggedByDepartment' }.value", equalTo("sales"));
    }

    @Test
    void shouldShowNoOtherSystemsDecisionIdsInRememberedFacts() {
        String caller = fresh("caller");
        decide(clerk(), incident(fresh("D"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200);
        decide(other(), incident(fresh("D"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}") , "?record=false")
                .statusCode(200).body("remembered.fact", hasItem("caller.policeInvolvement"),
                        "remembered.decisionId", everyItem(nullValue()), "remembered.assertedBy", everyItem(equalTo("clerk")));
        decide(clerk(), incident(fresh("D"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("remembered.find { it.fact == 'caller.policeInvolvement' }.decisionId", notNullValue());
    }

    private static ValidatableResponse decide(RequestSpecification as, String json, String query) {
        return as.contentType(ContentType.JSON).body(json).post("/v1/decisions" + query).then();
    }

    @Test
    void shouldKeepOneSystemsIncidentIdsApartFromAnothers() {
        String id = fresh("INC");
        String caseId = "\"caseId\": \"" + fresh("case") + "\"";
        String first = decide(clerk(), incident(id, "call-center", caseId + ", \"caller\": {\"callerId\": \""
                + fresh("caller") + "\"}")).statusCode(200).body("memory", equalTo("RECORDED")).extract().path("decisionId");
        decide(other(), incident(id, "sales", caseId)).statusCode(200).body("memory", equalTo("RECORDED"));
        decide(other(), incident(id, "sales", caseId + ", \"conduct\": [\"THREAT\"]")).statusCode(409)
                .body("code", equalTo("INCIDENT_ID_REUSED"), "detail", not(org.hamcrest.Matchers.containsString(first)));
        decide(clerk(), incident(id, "call-center", caseId + ", \"caller\": {\"callerId\": \"x\"}")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(first));
    }

    @Test
    void shouldCorrectAWrongArrestSoThatLaterDecisionsNoLongerBlock() {
        String caller = fresh("caller");
        decide(clerk(), incident(fresh("W"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200).body("actions.code", hasItem("BLOCK_CALLER"));
        String path = "/v1/callers/" + caller + "/corrections";
        officer().contentType(ContentType.JSON).body("{\"fact\": \"caller.blocked\", \"value\": false, \"reason\": \"x\"}")
                .post(path).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        officer().contentType(ContentType.JSON).body("{\"fact\": \"caller.policeInvolvement\", \"value\": \"NONE\"}")
                .post(path).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"), "errors.path", hasItem("reason"));
        officer().contentType(ContentType.JSON).body("{\"fact\": \"caller.policeInvolvement\", \"value\": \"NONE\","
                + " \"reason\": \"wrong person, police report 2026-77\"}").post(path).then().statusCode(200)
                .body("policeInvolvement", nullValue(), "changes.change", hasItem("CORRECT"),
                        "changes.find { it.change == 'CORRECT' }.before", equalTo("ARRESTED"),
                        "changes.find { it.change == 'CORRECT' }.after", equalTo("NONE"),
                        "changes.find { it.change == 'CORRECT' }.actor", equalTo("officer"));
        decide(other(), incident(fresh("W"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", not(hasItem("BLOCK_CALLER")), "remembered.fact", not(hasItem("caller.policeInvolvement")));
        decide(clerk(), incident(fresh("W"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200).body("actions.code", not(hasItem("BLOCK_CALLER")),
                "remembered.find { it.fact == 'caller.policeInvolvement' }.value", equalTo("NONE"));
        decide(other(), incident(fresh("W"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", not(hasItem("BLOCK_CALLER")));
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("policeInvolvement", nullValue());
    }

    @Test
    void shouldKeepALiftedBlockLiftedUntilNewConduct() {
        String caller = fresh("caller");
        decide(clerk(), incident(fresh("L"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200).body("actions.code", hasItem("BLOCK_CALLER"));
        ApprovedLift.of(caller, "settled in court");
        decide(other(), incident(fresh("L"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", not(hasItems("BLOCK_CALLER")), "actions.code", not(hasItem("NO_APOLOGY")));
        decide(other(), incident(fresh("L"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true}"))
                .statusCode(200).body("actions.code", not(hasItem("BLOCK_CALLER")));
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("blocked", nullValue(),
                "policeInvolvement.value", equalTo("ARRESTED"));
        decide(other(), incident(fresh("L"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"},"
                + " \"conduct\": [\"VIOLENCE\"]")).statusCode(200).body("actions.code", hasItem("BLOCK_CALLER"));
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("blocked.department", equalTo("sales"));
        decide(clerk(), incident(fresh("L"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", hasItem("NO_APOLOGY"));
    }

    @Test
    void shouldStillNameTheDecisionThatSetAFlagAfterManyMoreDecisions() {
        String caller = fresh("caller");
        String caseId = "\"caseId\": \"" + fresh("case") + "\"";
        String blocking = decide(clerk(), incident(fresh("N"), "call-center", caseId + ", \"caller\": {\"callerId\": \""
                + caller + "\", \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200).extract().path("decisionId");
        for (int i = 0; i < 90; i++) {
            decide(other(), incident(fresh("N"), "dept-" + i, caseId + ", \"caller\": {\"callerId\": \"" + caller + "\"}"))
                    .statusCode(200);
        }
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked.decisionId", equalTo(blocking), "blocked.assertedBy", equalTo("clerk"),
                        "departmentCount", equalTo(91), "cases[0].facts.contacts", equalTo(91),
                        "cases[0].contacts.size()", equalTo(20));
    }

    @Test
    void shouldShowWhoAssertedEachContactToCaseOfficers() {
        String caller = fresh("caller");
        String caseId = fresh("case");
        decide(clerk(), incident(fresh("V"), "call-center", "\"caseId\": \"" + caseId + "\", \"caller\": {\"callerId\": \""
                + caller + "\"}")).statusCode(200);
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("departments.'call-center'.assertedBy", equalTo("clerk"),
                        "cases[0].contacts.assertedBy", contains("clerk"));
    }
}
