package io.frontlineguard.memory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.api.Conformance;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * What case memory must do, whichever database holds it: run once on the embedded default and
 * once on a shared PostgreSQL ({@link EmbeddedMemoryTest}, {@link SharedPostgresMemoryTest}).
 * Every test uses fresh ids, because the store outlives test classes as it outlives restarts.
 */
abstract class CaseMemoryContract {

    @Inject
    Memory memory;

    /** Where this database keeps its files, to search them for personal ids in clear. */
    abstract Path storeFiles();

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static ValidatableResponse decide(String json) {
        return decide(json, "");
    }

    static ValidatableResponse decide(String json, String query) {
        return given().contentType(ContentType.JSON).body(json).post("/v1/decisions" + query).then();
    }

    static String incident(String incidentId, String department, String fields) {
        return "{\"incidentId\": \"" + incidentId + "\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\","
                + " \"channel\": \"PHONE\", \"department\": \"" + department + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "officer-dev-only");
    }

    @Test
    void shouldGiveHeadOfficeTheCallCentresBlockWhenItKnowsOnlyTheCallerId() {
        String caller = fresh("caller");
        decide(incident(fresh("CC"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200)
                .body("actions.code", hasItem("BLOCK_CALLER"), "memory", equalTo("RECORDED"));

        decide(incident(fresh("HQ"), "hq-consultation", "\"caller\": {\"callerId\": \"" + caller + "\"},"
                + " \"demands\": [{\"type\": \"RESUME_SERVICE\"}]")).statusCode(200)
                .body("actions.code", hasItems("BLOCK_CALLER", "NO_APOLOGY", "REFUSE_REQUEST", "DEFER_ANSWER"),
                        "actions.find { it.code == 'ESCALATE' }.params.to", equalTo("EXECUTIVE"),
                        "actions.code", not(hasItem("APOLOGIZE_FOR_INCONVENIENCE")),
                        "remembered.fact", hasItems("caller.policeInvolvement", "caller.blocked", "caller.flaggedByDepartment"),
                        "remembered.department", everyItem(equalTo("call-center")),
                        "remembered.decisionId", everyItem(not(nullValue())));
    }

    @Test
    void shouldLogTheCombinedFactsSoTheDecisionReplaysExactly() {
        String caller = fresh("caller");
        decide(incident(fresh("CC"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true}"));
        String id = decide(incident(fresh("HQ"), "hq-consultation", "\"caller\": {\"callerId\": \"" + caller + "\"}"))
                .extract().path("decisionId");
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/" + id).then().statusCode(200)
                .body("memory", equalTo("RECORDED"), "request.caller.blocked", equalTo(true),
                        "request.caller.flaggedByDepartment", equalTo("call-center"),
                        "remembered.fact", hasItem("caller.blocked"));
    }

    @Test
    void shouldLetALaterItemOfABatchSeeWhatAnEarlierOneRecorded() {
        String caller = "\"caller\": {\"callerId\": \"" + fresh("caller") + "\"";
        String batch = "{\"incidents\": [" + incident(fresh("B"), "call-center", caller + ", \"policeInvolvement\": \"ARRESTED\"}")
                + ", " + incident(fresh("B"), "hq-consultation", caller + "}") + "]}";
        given().contentType(ContentType.JSON).body(batch).post("/v1/decisions:batch?record=false").then().statusCode(200)
                .body("results[1].decision.memory", equalTo("WHAT_IF"), "results[1].decision.remembered", empty());
        given().contentType(ContentType.JSON).body(batch).post("/v1/decisions:batch").then().statusCode(200)
                .body("results[0].decision.memory", equalTo("RECORDED"),
                        "results[1].decision.actions.code", hasItems("BLOCK_CALLER", "NO_APOLOGY"),
                        "results[1].decision.remembered.fact", hasItem("caller.policeInvolvement"));
    }

    @Test
    void shouldCountARetryOnceAndAnswerItAlike() {
        String caseId = fresh("case");
        String body = incident(fresh("R"), "call-center", "\"caseId\": \"" + caseId + "\", \"caller\": {\"callerId\": \""
                + fresh("caller") + "\", \"warnedBefore\": true}, \"conduct\": [\"VERBAL_ABUSE\"]");
        List<String> first = decide(body).statusCode(200).extract().path("actions.code");
        List<String> again = decide(body).statusCode(200).body("memory", equalTo("RETRY")).extract().path("actions.code");
        assertEquals(first, again);
        decide(incident(fresh("R"), "call-center", "\"caseId\": \"" + caseId + "\"")).statusCode(200)
                .body("remembered.find { it.fact == 'caseHistory.contactCount' }.value", equalTo(2));
    }

    @Test
    void shouldRefuseAnIncidentIdReusedForAnotherRequest() {
        String id = fresh("R");
        String caller = "\"caller\": {\"callerId\": \"" + fresh("caller") + "\"}";
        decide(incident(id, "call-center", caller)).statusCode(200);
        decide(incident(id, "sales", caller)).statusCode(409).body("code", equalTo("INCIDENT_ID_REUSED"));
    }

    @Test
    void shouldDecideWithMemoryButRecordNothingOnAWhatIf() {
        String caller = fresh("caller");
        String blocked = "\"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true}";
        decide(incident(fresh("W"), "call-center", blocked), "?record=false").statusCode(200)
                .body("memory", equalTo("WHAT_IF"), "actions.code", hasItem("NO_APOLOGY"));
        decide(incident(fresh("W"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("remembered", empty(), "actions.code", not(hasItem("NO_APOLOGY")));
        decide(incident(fresh("W"), "sales", blocked), "?record=maybe").statusCode(400).body("code", equalTo("BAD_REQUEST"));
    }

    @Test
    void shouldCoordinateACaseThatReachesASecondDepartment() {
        String caseId = "\"caseId\": \"" + fresh("case") + "\"";
        decide(incident(fresh("D"), "call-center", caseId)).statusCode(200).body("actions.code", not(hasItem("ESCALATE")));
        decide(incident(fresh("D"), "hq-consultation", caseId)).statusCode(200)
                .body("actions.find { it.code == 'ESCALATE' }.params.to", equalTo("SUPERVISOR"),
                        "remembered.fact", hasItems("caseHistory.otherDepartments", "caseHistory.contactCount"));
    }

    @Test
    void shouldNoticeACallerWhoKeepsAskingForTheSameEmployee() {
        String caseId = "\"caseId\": \"" + fresh("case") + "\"";
        String asks = caseId + ", \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-7\"}]";
        decide(incident(fresh("S"), "it-backoffice", asks)).statusCode(200).body("actions.code", not(hasItem("EMPLOYEE_CARE")));
        decide(incident(fresh("S"), "it-backoffice", asks)).statusCode(200)
                .body("actions.code", hasItem("EMPLOYEE_CARE"), "remembered.fact", hasItem("demands[0].namedBefore"));
    }

    @Test
    void shouldAnswerInTheDocumentedForms() {
        String caller = fresh("caller");
        var decided = given().contentType(ContentType.JSON).body(incident(fresh("F"), "call-center", "\"caseId\": \""
                + fresh("case") + "\", \"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true}")).post("/v1/decisions");
        Conformance.assertConforms("Decision", decided);
        var remembered = given().contentType(ContentType.JSON).body(incident(fresh("F"), "sales", "\"caller\": {\"callerId\": \""
                + caller + "\"}")).post("/v1/decisions");
        Conformance.assertConforms("Decision", remembered);
        Conformance.assertConforms("DecisionLogEntry", given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/" + remembered.path("decisionId")));
        officer().contentType(ContentType.JSON).body("{\"flag\": \"WARNED\", \"source\": \"legal\", \"reason\": \"letter\"}")
                .post("/v1/callers/" + caller + "/flags");
        Conformance.assertConforms("CallerMemory", officer().get("/v1/callers/" + caller));
        Conformance.assertConforms("Problem", officer().get("/v1/callers/" + fresh("nobody")));
        Conformance.assertConforms("Problem", officer().contentType(ContentType.JSON).body("{}").post("/v1/callers/" + caller + "/flags"));
        // Blocked: the erasure waits for an executive; a caller who is only warned is erased at once.
        Conformance.assertConforms("Approval", officer().queryParam("reason", "test").delete("/v1/callers/" + caller));
        String warned = fresh("caller");
        officer().contentType(ContentType.JSON).body("{\"flag\": \"WARNED\", \"source\": \"legal\", \"reason\": \"letter\"}")
                .post("/v1/callers/" + warned + "/flags");
        Conformance.assertConforms("Erasure", officer().queryParam("reason", "test").delete("/v1/callers/" + warned));
    }

    @Test
    void shouldLetOnlyCaseOfficersAndAdminsReadMemory() {
        String caller = fresh("caller");
        decide(incident(fresh("A"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200);
        given().get("/v1/callers/" + caller).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().auth().preemptive().basic("clerk", "clerk-dev-only").get("/v1/callers/" + caller).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().preemptive().basic("admin", "admin-dev-only").get("/v1/callers/" + caller).then().statusCode(200);
        officer().get("/v1/callers/" + fresh("nobody")).then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
    }

    @Test
    void shouldShowACallersFlagsCasesAndContactsByTheIdTheFrontLineKnows() {
        String caller = fresh("caller");
        String caseId = fresh("case");
        String contact = fresh("C");
        decide(incident(contact, "call-center", "\"caseId\": \"" + caseId + "\", \"caller\": {\"callerId\": \"" + caller
                + "\", \"blocked\": true}")).statusCode(200);
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("callerKey", equalTo(memory.pseudonym(caller)), "blocked.department", equalTo("call-center"),
                        "departments.keySet()", contains("call-center"), "cases.caseId", contains(caseId),
                        "cases[0].contacts.incidentId", contains(contact), "cases[0].facts.openedAt.value",
                        equalTo("2026-06-10T11:00:00+09:00"));
    }

    @Test
    void shouldRecordAFlagFromThePoliceAndUseItOnTheNextDecision() {
        String caller = fresh("caller");
        officer().contentType(ContentType.JSON).body("{\"flag\": \"POLICE\", \"source\": \"police\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"),
                        "errors.path", hasItems("reason", "policeInvolvement"));
        officer().contentType(ContentType.JSON).body("{\"flag\": \"POLICE\", \"policeInvolvement\": \"WARNED\","
                + " \"source\": \"police\", \"reason\": \"warning letter 2026-114\", \"colour\": \"red\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(400).body("errors.code", hasItem("UNKNOWN_FIELD"));
        officer().contentType(ContentType.JSON).body("{\"flag\": \"POLICE\", \"policeInvolvement\": \"WARNED\","
                + " \"source\": \"police\", \"reason\": \"warning letter 2026-114\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(200)
                .body("policeInvolvement.value", equalTo("WARNED"), "changes.change", contains("FLAG"),
                        "changes[0].actor", equalTo("officer"), "changes[0].reason", equalTo("warning letter 2026-114"));
        decide(incident(fresh("P"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", hasItems("BLOCK_CALLER", "NO_APOLOGY"),
                        "remembered.find { it.fact == 'caller.policeInvolvement' }.department", equalTo("police"));
    }

    @Test
    void shouldLiftABlockOnlyWithAReasonAndASecondPersonsExecutiveApproval() {
        String caller = fresh("caller");
        decide(incident(fresh("B"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\", \"blocked\": true}"));
        String path = "/v1/callers/" + caller + "/block/lift";
        officer().contentType(ContentType.JSON).body("{}")
                .post(path).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("reason"));
        String approval = officer().contentType(ContentType.JSON).body("{\"reason\": \"settled in court\"}").post(path).then()
                .statusCode(202).body("status", equalTo("PENDING")).extract().path("id");
        officer().get("/v1/callers/" + caller).then().statusCode(200).body("blocked", not(nullValue()));
        given().auth().preemptive().basic("exec", "exec-dev-only").post("/v1/approvals/" + approval + "/approve").then()
                .statusCode(200);
        officer().get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked", nullValue(), "changes.change", contains("LIFT_BLOCK"), "changes[0].actor", equalTo("officer"),
                        "changes[0].approvedBy", equalTo("exec"));
        officer().contentType(ContentType.JSON).body("{\"reason\": \"again\"}").post(path).then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        decide(incident(fresh("B"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("actions.code", not(hasItem("NO_APOLOGY")));
    }

    @Test
    void shouldEraseAPersonAndKeepOnlyAnAuditEntryThatNamesNobody() throws SQLException {
        String caller = fresh("caller");
        // Not blocked: a blocked caller is erased only with an executive's approval (casework.ApprovalsTest).
        decide(incident(fresh("E"), "call-center", "\"caseId\": \"" + fresh("case") + "\", \"caller\": {\"callerId\": \""
                + caller + "\"}")).statusCode(200);
        officer().delete("/v1/callers/" + caller).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        String reason = fresh("data-protection request");
        officer().queryParam("reason", reason).delete("/v1/callers/" + caller).then()
                .statusCode(200).body("erased", greaterThan(2));
        officer().get("/v1/callers/" + caller).then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
        decide(incident(fresh("E"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}")).statusCode(200)
                .body("remembered", empty());
        try (Connection c = memory.data().getConnection();
             var s = c.prepareStatement("select count(*) from memory_change where change = 'ERASE' and subject is null"
                     + " and reason = ?")) {
            s.setString(1, reason);
            var r = s.executeQuery();
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    @Test
    void shouldStoreNoCallerOrEmployeeIdInClear() throws SQLException, IOException {
        String caller = fresh("privacy-caller");
        String employee = fresh("privacy-employee");
        String caseId = fresh("privacy-case");
        decide(incident(fresh("X"), "call-center", "\"caseId\": \"" + caseId + "\", \"caller\": {\"callerId\": \""
                + caller + "\"}, \"handler\": {\"employeeId\": \"" + employee + "\", \"targetOfAnger\": true},"
                + " \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"" + employee + "\"}]")).statusCode(200);
        StringWriter dump = new StringWriter();
        try (Connection c = memory.data().getConnection()) {
            c.createStatement().execute("checkpoint");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : List.of("memory_entry", "memory_incident", "memory_change")) {
                copy.copyOut("copy " + table + " to stdout", dump);
            }
        }
        assertFalse(dump.toString().contains(caller), "the dump holds the caller id in clear");
        assertFalse(dump.toString().contains(employee), "the dump holds the employee id in clear");
        // The case id is the company's own and stored in clear: finding it proves the search can find.
        assertTrue(dump.toString().contains(caseId), "the dump does not even hold the case id");
        byte[][] needles = {caller.getBytes(StandardCharsets.UTF_8), employee.getBytes(StandardCharsets.UTF_8)};
        boolean caseFound = false;
        try (Stream<Path> files = Files.walk(storeFiles())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                for (byte[] needle : needles) {
                    assertFalse(holds(content, needle), f + " holds a personal id in clear");
                }
                caseFound |= holds(content, caseId.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(caseFound, "no file of " + storeFiles() + " holds even the case id: the search saw nothing");
    }

    private static boolean holds(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
