package io.frontlineguard.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.api.Conformance;
import io.frontlineguard.approval.Approval;
import io.frontlineguard.approval.ApprovalRetention;
import io.frontlineguard.approval.ApprovalStore;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.MemoryStore.Change;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Lifting a block and erasing a flagged caller are executive acts (lesson L000-3): a case officer
 * asks, a second, authenticated person with the role executive approves, and only then does memory
 * change. The approvals live in PostgreSQL beside case memory, so instances share them.
 */
@QuarkusTest
class ApprovalsTest {

    @Inject
    Memory memory;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-dev-only");
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String flagged(String flag, String extra) {
        String caller = fresh("approval-caller");
        as("officer").contentType(ContentType.JSON).body("{\"flag\": \"" + flag + "\", \"source\": \"legal\", \"reason\": \"letters\""
                + extra + "}").post("/v1/callers/" + caller + "/flags").then().statusCode(200);
        return caller;
    }

    static String blocked() {
        return flagged("BLOCKED", "");
    }

    static ValidatableResponse requestLift(String user, String caller, String reason) {
        return as(user).contentType(ContentType.JSON).body("{\"reason\": \"" + reason + "\"}")
                .post("/v1/callers/" + caller + "/block/lift").then();
    }

    static String pendingLift(String user, String caller) {
        return requestLift(user, caller, "apology accepted in writing").statusCode(202).extract().path("id");
    }

    static ValidatableResponse approve(String user, String id) {
        return as(user).post("/v1/approvals/" + id + "/approve").then();
    }

    static ValidatableResponse reject(String user, String id, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/v1/approvals/" + id + "/reject").then();
    }

    static ValidatableResponse caller(String caller) {
        return as("officer").get("/v1/callers/" + caller).then();
    }

    static ValidatableResponse withdraw(String user, String id, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/v1/approvals/" + id + "/withdraw").then();
    }

    static void flag(String caller, String source) {
        as("officer").contentType(ContentType.JSON).body("{\"flag\": \"BLOCKED\", \"source\": \"" + source + "\","
                + " \"reason\": \"blocked by " + source + "\"}").post("/v1/callers/" + caller + "/flags").then().statusCode(200);
    }

    @Test
    void shouldRefuseToLetTheRequesterRejectTheirOwnRequestAndLetThemWithdrawIt() {
        String caller = blocked();
        String id = pendingLift("chief", caller);
        // A rejection by the requester would read as a second person's judgement in the record.
        reject("chief", id, "{\"reason\": \"changed my mind\"}").statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"), "detail", containsString("withdraw"));
        as("exec").get("/v1/approvals").then().body("pending.find { it.id == '" + id + "' }.status", equalTo("PENDING"));
        withdraw("exec", id, "{\"reason\": \"not mine\"}").statusCode(403).body("code", equalTo("FORBIDDEN"),
                "detail", containsString("asked"));

        withdraw("chief", id, "{\"reason\": \"asked for the wrong caller\"}").statusCode(200)
                .body("status", equalTo("WITHDRAWN"), "decidedBy", equalTo("chief"), "requestedBy", equalTo("chief"),
                        "decisionReason", equalTo("asked for the wrong caller"));

        approve("exec", id).statusCode(409).body("code", equalTo("APPROVAL_ALREADY_DECIDED"), "detail", containsString("withdrawn"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"), "changes.change", not(hasItem("LIFT_BLOCK")));
        as("officer").get("/v1/approvals").then().body("recent.find { it.id == '" + id + "' }.status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldLetACaseOfficerWithdrawTheirOwnRequestWithAReasonOnly() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        withdraw("officer", id, "{}").statusCode(400).body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("reason"));
        withdraw("admin", id, "{\"reason\": \"x\"}").statusCode(403).body("code", equalTo("FORBIDDEN"));
        withdraw("officer", id, "{\"reason\": \"settled otherwise\"}").statusCode(200).body("status", equalTo("WITHDRAWN"));
        withdraw("officer", id, "{\"reason\": \"again\"}").statusCode(409).body("code", equalTo("APPROVAL_ALREADY_DECIDED"));
        requestLift("officer", caller, "asked again").statusCode(202);
    }

    @Test
    void shouldRefuseUnknownFieldsInAnApprovalOrARejection() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        as("exec").contentType(ContentType.JSON).body("{\"approvedBy\": \"K. Sato\"}").post("/v1/approvals/" + id + "/approve")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("approvedBy"),
                        "errors.code", contains("UNKNOWN_FIELD"));
        reject("exec", id, "{\"reason\": \"no\", \"rejectedBy\": \"K. Sato\"}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("rejectedBy"), "errors.code", contains("UNKNOWN_FIELD"));
        withdraw("officer", id, "{\"reason\": \"no\", \"by\": \"x\"}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("by"));
        as("exec").get("/v1/approvals").then().body("pending.find { it.id == '" + id + "' }.status", equalTo("PENDING"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));

        as("exec").contentType(ContentType.JSON).body("{}").post("/v1/approvals/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void shouldLiftOnlyTheBlockTheLiftNames() {
        String caller = blocked();
        flag(caller, "police");
        caller(caller).statusCode(200).body("blocks.legal.department", equalTo("legal"),
                "blocks.police.department", equalTo("police"));
        String id = as("officer").contentType(ContentType.JSON).body("{\"reason\": \"letters withdrawn\", \"source\": \"legal\"}")
                .post("/v1/callers/" + caller + "/block/lift").then().statusCode(202).body("blocks", contains("legal"))
                .extract().path("id");

        approve("exec", id).statusCode(200).body("blocks", contains("legal"));

        caller(caller).statusCode(200).body("blocked.department", equalTo("police"), "blocks.legal", nullValue(),
                "blockLifted", nullValue(), "changes.find { it.change == 'LIFT_BLOCK' }.approvedBy", equalTo("exec"));
    }

    @Test
    void shouldNotLiftABlockFromAnotherSourceThatCameAfterTheLiftWasAskedFor() {
        String caller = blocked();
        String id = requestLift("officer", caller, "apology accepted").statusCode(202).body("blocks", contains("legal"))
                .extract().path("id");
        flag(caller, "callcenter");

        approve("exec", id).statusCode(200);

        caller(caller).statusCode(200).body("blocked.department", equalTo("callcenter"), "blocks.legal", nullValue());
    }

    @Test
    void shouldRefuseALiftNamingASourceThatDoesNotBlockTheCaller() {
        String caller = blocked();
        as("officer").contentType(ContentType.JSON).body("{\"reason\": \"x\", \"source\": \"police\"}")
                .post("/v1/callers/" + caller + "/block/lift").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("source"), "detail", containsString("legal"));
    }

    @Test
    void shouldRefuseANameTypedIntoTheLiftAsAnApproval() {
        String caller = blocked();
        as("officer").contentType(ContentType.JSON).body("{\"reason\": \"settled in court\", \"approval\": {\"role\": \"EXECUTIVE\","
                + " \"approvedBy\": \"K. Sato\"}}").post("/v1/callers/" + caller + "/block/lift").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"), "detail", containsString("/v1/approvals/{id}/approve"),
                        "errors.path", contains("approval"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"), "changes.change", not(hasItem("LIFT_BLOCK")));
    }

    @Test
    void shouldLiftABlockOnlyOnceASecondPersonWithTheExecutiveRoleApproves() {
        String caller = blocked();
        requestLift("officer", caller, "settled in court").statusCode(202)
                .body("id", notNullValue(), "what", equalTo("LIFT_BLOCK"), "status", equalTo("PENDING"),
                        "subject", startsWith("hmac:"), "requestedBy", equalTo("officer"), "reason", equalTo("settled in court"),
                        "createdAt", notNullValue(), "decidedBy", nullValue());
        String id = as("officer").get("/v1/approvals").then().statusCode(200)
                .extract().path("pending.find { it.reason == 'settled in court' && it.requestedBy == 'officer' }.id");
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));

        approve("exec", id).statusCode(200).body("status", equalTo("APPROVED"), "decidedBy", equalTo("exec"),
                "requestedBy", equalTo("officer"));

        caller(caller).statusCode(200).body("blocked", nullValue(), "changes.change", hasItem("LIFT_BLOCK"),
                "changes.find { it.change == 'LIFT_BLOCK' }.actor", equalTo("officer"),
                "changes.find { it.change == 'LIFT_BLOCK' }.approvedBy", equalTo("exec"),
                "changes.find { it.change == 'LIFT_BLOCK' }.reason", equalTo("settled in court"));
        as("exec").get("/v1/approvals").then().statusCode(200)
                .body("recent.find { it.id == '" + id + "' }.status", equalTo("APPROVED"),
                        "pending.id", not(hasItem(id)));
    }

    @Test
    void shouldRefuseToLetTheRequesterApproveTheirOwnLift() {
        String caller = blocked();
        String id = pendingLift("chief", caller);
        approve("chief", id).statusCode(403).body("code", equalTo("SELF_APPROVAL"), "detail", containsString("another"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));
        as("exec").get("/v1/approvals").then().body("pending.find { it.id == '" + id + "' }.status", equalTo("PENDING"));
    }

    @Test
    void shouldRefuseAnApprovalFromAnyoneWithoutTheExecutiveRole() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        approve("admin", id).statusCode(403).body("code", equalTo("EXECUTIVE_APPROVAL_REQUIRED"), "detail", containsString("executive"));
        approve("officer", id).statusCode(403).body("code", equalTo("EXECUTIVE_APPROVAL_REQUIRED"));
        given().post("/v1/approvals/" + id + "/approve").then().statusCode(401);
        as("clerk").get("/v1/approvals").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));
    }

    @Test
    void shouldShowTheApproverTheCallerAsMemoryHoldsThemWithoutTheIdInClear() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        as("exec").get("/v1/approvals/" + id + "/caller").then().statusCode(200)
                .body("callerKey", equalTo(memory.pseudonym(caller)), "blocked.department", equalTo("legal"),
                        "changes[0].reason", equalTo("letters"));
        Conformance.assertConforms("CallerMemory", as("exec").get("/v1/approvals/" + id + "/caller"));
        as("clerk").get("/v1/approvals/" + id + "/caller").then().statusCode(403);
        as("exec").get("/v1/approvals/no-such-approval/caller").then().statusCode(404).body("code", equalTo("UNKNOWN_APPROVAL"));
        memory.store().erase(memory.pseudonym(caller), new Change("test", "ERASE", "meanwhile", null, Map.of()));
        as("exec").get("/v1/approvals/" + id + "/caller").then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
    }

    @Test
    void shouldApproveOnceAndRefuseTheSecondApproval() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        approve("exec", id).statusCode(200);
        approve("chief", id).statusCode(409).body("code", equalTo("APPROVAL_ALREADY_DECIDED"), "detail", containsString("exec"));
        caller(caller).statusCode(200).body("changes.findAll { it.change == 'LIFT_BLOCK' }.size()", equalTo(1));
    }

    @Test
    void shouldRefuseASecondRequestWhileOneIsPending() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        requestLift("admin", caller, "again").statusCode(409).body("code", equalTo("APPROVAL_ALREADY_PENDING"),
                "detail", containsString(id));
    }

    @Test
    void shouldRefuseToApproveALiftWhoseBlockIsAlreadyGone() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        // Another way the block went meanwhile, e.g. an instance still running the old code.
        memory.store().liftBlock(memory.pseudonym(caller), new Change("test", "LIFT_BLOCK", "meanwhile", null, Map.of()));
        approve("exec", id).statusCode(409).body("code", equalTo("APPROVAL_OUTDATED"), "detail", containsString("not blocked"));
        caller(caller).statusCode(200).body("changes.findAll { it.change == 'LIFT_BLOCK' }.size()", equalTo(1));
        as("exec").get("/v1/approvals").then().body("pending.find { it.id == '" + id + "' }.status", equalTo("PENDING"));
        reject("exec", id, "{\"reason\": \"already lifted\"}").statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void shouldRefuseToApproveALiftForACallerErasedMeanwhile() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        memory.store().erase(memory.pseudonym(caller), new Change("test", "ERASE", "meanwhile", null, Map.of()));
        approve("exec", id).statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
        caller(caller).statusCode(404);
    }

    @Test
    void shouldRejectWithAReasonAndKeepTheBlock() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        reject("exec", id, "{}").statusCode(400).body("code", equalTo("INVALID_REQUEST"), "errors.path", contains("reason"));
        reject("officer", id, "{\"reason\": \"no\"}").statusCode(403).body("code", equalTo("EXECUTIVE_APPROVAL_REQUIRED"));
        reject("exec", id, "{\"reason\": \"the threats went on last week\"}").statusCode(200)
                .body("status", equalTo("REJECTED"), "decidedBy", equalTo("exec"), "decisionReason", equalTo("the threats went on last week"));
        approve("chief", id).statusCode(409).body("code", equalTo("APPROVAL_ALREADY_DECIDED"));
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));
        approve("exec", "no-such-approval").statusCode(404).body("code", equalTo("UNKNOWN_APPROVAL"));
    }

    @Test
    void shouldEraseACallerWhoIsNeitherBlockedNorKnownToThePoliceAtOnce() {
        String caller = flagged("WARNED", "");
        as("officer").queryParam("reason", "data-protection request").delete("/v1/callers/" + caller).then()
                .statusCode(200).body("erased", org.hamcrest.Matchers.greaterThan(0));
        caller(caller).statusCode(404);
        String cleared = flagged("POLICE", ", \"policeInvolvement\": \"NONE\"");
        as("officer").queryParam("reason", "data-protection request").delete("/v1/callers/" + cleared).then().statusCode(200);
    }

    @Test
    void shouldEraseABlockedCallerOnlyOnceAnExecutiveApprovesAndDropTheirPendingRequests() throws SQLException {
        String caller = blocked();
        String lift = pendingLift("officer", caller);
        String reason = fresh("data-protection request");
        String id = as("officer").queryParam("reason", reason).delete("/v1/callers/" + caller).then().statusCode(202)
                .body("what", equalTo("ERASE"), "status", equalTo("PENDING"), "requestedBy", equalTo("officer"))
                .extract().path("id");
        caller(caller).statusCode(200).body("blocked.department", equalTo("legal"));
        approve("officer", id).statusCode(403);

        approve("exec", id).statusCode(200).body("status", equalTo("APPROVED"), "subject", nullValue());

        caller(caller).statusCode(404);
        approve("exec", lift).statusCode(404).body("code", equalTo("UNKNOWN_APPROVAL"));
        try (Connection c = memory.data().getConnection();
             var s = c.prepareStatement("select actor, approved_by, subject from memory_change where change = 'ERASE' and reason = ?")) {
            s.setString(1, reason);
            var r = s.executeQuery();
            assertTrue(r.next(), "the erasure is in the change log");
            assertEquals("officer", r.getString(1));
            assertEquals("exec", r.getString(2));
            assertEquals(null, r.getString(3));
        }
        assertEquals(0, count("select count(*) from memory_approval where subject = ?", memory.pseudonym(caller)));
    }

    @Test
    void shouldEraseACallerKnownToThePoliceOnlyWithAnApproval() {
        String caller = flagged("POLICE", ", \"policeInvolvement\": \"ARRESTED\"");
        String id = as("admin").queryParam("reason", "court order").delete("/v1/callers/" + caller).then().statusCode(202)
                .extract().path("id");
        caller(caller).statusCode(200);
        reject("exec", id, "{\"reason\": \"the case is still open\"}").statusCode(200);
        caller(caller).statusCode(200).body("policeInvolvement.value", equalTo("ARRESTED"));
    }

    @Test
    void shouldKeepNoCallerIdInClearInAnApproval() throws SQLException {
        String caller = blocked();
        pendingLift("officer", caller);
        StringWriter dump = new StringWriter();
        try (Connection c = memory.data().getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy memory_approval to stdout", dump);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertFalse(dump.toString().contains(caller), "an approval holds the caller id in clear");
        assertTrue(dump.toString().contains(memory.pseudonym(caller)), "the approval holds the pseudonym");
    }

    @Test
    void shouldDescribeApprovalsAsTheContractSays() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        Conformance.assertConforms("Approval", as("officer").contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .post("/v1/callers/" + blocked() + "/block/lift"));
        Conformance.assertConforms("Approvals", as("exec").get("/v1/approvals"));
        Conformance.assertConforms("Approval", as("exec").post("/v1/approvals/" + id + "/approve"));
        Conformance.assertConforms("Problem", as("exec").post("/v1/approvals/" + id + "/approve"));
    }

    @Test
    void shouldCarryOutTheLiftOnceWhenTwoExecutivesApproveAtTheSameMoment() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String caller = blocked();
                String id = pendingLift("officer", caller);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String executive : List.of("exec", "chief")) {
                    Callable<Integer> approval = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return approve(executive, id).extract().statusCode();
                    };
                    answers.add(two.submit(approval));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> a : answers) {
                    statuses.add(a.get(30, TimeUnit.SECONDS));
                }
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, "round " + round);
                caller(caller).statusCode(200).body("blocked", nullValue(),
                        "changes.findAll { it.change == 'LIFT_BLOCK' }.size()", equalTo(1));
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void shouldShareApprovalsWithAnotherInstanceOfTheSameDatabase() {
        String caller = blocked();
        String id = pendingLift("officer", caller);
        // Another instance: its own store object on the same PostgreSQL, nothing shared in memory.
        ApprovalStore other = new ApprovalStore(memory::data, Clock.systemUTC(), Duration.ofSeconds(2));
        assertEquals(Approval.Status.PENDING, other.find(id).orElseThrow().status());
        other.reject(id, "exec", "decided on the other instance");
        as("officer").get("/v1/approvals").then()
                .body("recent.find { it.id == '" + id + "' }.decisionReason", equalTo("decided on the other instance"));
        approve("chief", id).statusCode(409).body("code", equalTo("APPROVAL_ALREADY_DECIDED"));
    }

    @Inject
    ApprovalRetention retention;

    @Test
    void shouldForgetApprovalsOlderThanMemoryKeepsCallers() throws SQLException {
        String caller = blocked();
        Instant longAgo = Instant.now().minus(Duration.ofDays(3 * 366));
        Approval old = new ApprovalStore(memory::data, Clock.fixed(longAgo, ZoneOffset.UTC), Duration.ofSeconds(2))
                .request(Approval.What.ERASE, memory.pseudonym(caller), "officer", "an old request");
        String recent = pendingLift("officer", caller);

        assertTrue(retention.purge() >= 1);

        assertEquals(0, count("select count(*) from memory_approval where id = ?", old.id()));
        assertEquals(1, count("select count(*) from memory_approval where id = ?", recent));
    }

    private int count(String sql, String param) throws SQLException {
        try (Connection c = memory.data().getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, param);
            var r = s.executeQuery();
            r.next();
            return r.getInt(1);
        }
    }
}
