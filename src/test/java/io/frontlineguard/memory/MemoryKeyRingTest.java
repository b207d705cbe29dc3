package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.casework.ApprovedLift;
import io.frontlineguard.decisionlog.PersonalIdMasker;
import io.frontlineguard.incident.IncidentReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory key rotated: the new key writes, the old one (guard.memory.previous-hmac-keys) still
 * finds its callers, and a caller found under it moves to the new key. And a calling system that
 * brings in more new callers per minute than guard.memory.new-callers-per-minute is refused.
 */
@QuarkusTest
@TestProfile(MemoryKeyRingTest.Rotated.class)
class MemoryKeyRingTest {

    static final String OLD_KEY = "an-older-memory-key-that-was-rotated-out-0001";
    static final String NEW_KEY = "the-current-memory-key-after-the-rotation-0002";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.memory.hmac-key", NEW_KEY, "guard.memory.previous-hmac-keys", OLD_KEY,
                    "guard.memory.dir", "target/memory-keyring-test", "guard.memory.new-callers-per-minute", "4");
        }
    }

    @Inject
    Memory memory;

    @Test
    void shouldFindACallerRecordedUnderTheOldKeyAndMoveThemToTheNewOne() throws Exception {
        String caller = fresh("rotated");
        String oldPseudonym = new PersonalIdMasker(OLD_KEY).mask(caller);
        var blocked = new IncidentReader().read(incident(fresh("K"), "call-center", "\"caller\": {\"callerId\": \"" + caller
                + "\", \"policeInvolvement\": \"ARRESTED\"}").getBytes(StandardCharsets.UTF_8));
        new MemoryStore(memory.data(), Clock.systemUTC(), Duration.ofSeconds(5)).record(Contribution.of(blocked, "d-old",
                EnumSet.of(ActionCode.BLOCK_CALLER), new PersonalIdMasker(OLD_KEY)::mask), null, null, Recollection.NONE);

        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked", notNullValue(), "callerKey", equalTo(memory.pseudonym(caller)));
        given().contentType(ContentType.JSON).body(incident(fresh("K"), "sales", "\"caller\": {\"callerId\": \"" + caller + "\"}"))
                .post("/v1/decisions").then().statusCode(200).body("actions.code", hasItem("BLOCK_CALLER"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (entriesUnder(oldPseudonym) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, entriesUnder(oldPseudonym), "the caller still has entries under the old key");
        assertTrue(entriesUnder(memory.pseudonym(caller)) >= 2);
    }

    @Test
    void shouldLiftABlockRecordedUnderTheOldKey() {
        String caller = fresh("rotated-lift");
        var blocked = new IncidentReader().read(incident(fresh("K"), "call-center", "\"caller\": {\"callerId\": \"" + caller
                + "\", \"blocked\": true}").getBytes(StandardCharsets.UTF_8));
        new MemoryStore(memory.data(), Clock.systemUTC(), Duration.ofSeconds(5)).record(Contribution.of(blocked, "d-old",
                EnumSet.noneOf(ActionCode.class), new PersonalIdMasker(OLD_KEY)::mask), null, null, Recollection.NONE);
        ApprovedLift.of(caller, "settled");
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then().statusCode(200)
                .body("blocked", org.hamcrest.Matchers.nullValue(), "callerKey", equalTo(memory.pseudonym(caller)));
    }

    private long entriesUnder(String key) throws SQLException {
        try (Connection c = memory.data().getConnection();
             var s = c.prepareStatement("select count(*) from memory_entry where caller_key = ?")) {
            s.setString(1, key);
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void shouldRefuseASystemThatBringsInTooManyNewCallersAndRecordNothing() throws SQLException {
        String known = fresh("known");
        var clerk = given().auth().preemptive().basic("clerk", "clerk-dev-only").contentType(ContentType.JSON);
        int answered = 0;
        String refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            String caller = i == 0 ? known : fresh("new");
            var r = given().auth().preemptive().basic("clerk", "clerk-dev-only").contentType(ContentType.JSON)
                    .body(incident(fresh("Q"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}"))
                    .post("/v1/decisions").then().extract();
            if (r.statusCode() == 429) {
                refused = caller;
                given().auth().preemptive().basic("clerk", "clerk-dev-only").contentType(ContentType.JSON)
                        .body(incident(fresh("Q"), "call-center", "\"caller\": {\"callerId\": \"" + caller + "\"}"))
                        .post("/v1/decisions").then().statusCode(429).header("Retry-After", notNullValue())
                        .body("code", equalTo("NEW_CALLER_QUOTA_EXCEEDED"));
            } else {
                answered++;
            }
        }
        assertTrue(refused != null, "no new caller was refused");
        assertTrue(answered <= 4, answered + " new callers were let in");
        assertEquals(0, entriesUnder(memory.pseudonym(refused)), "a refused caller was recorded");
        clerk.body(incident(fresh("Q"), "call-center", "\"caller\": {\"callerId\": \"" + known + "\"}"))
                .post("/v1/decisions").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin-dev-only").contentType(ContentType.JSON)
                .body(incident(fresh("Q"), "call-center", "\"caller\": {\"callerId\": \"" + fresh("other") + "\"}"))
                .post("/v1/decisions").then().statusCode(200);
    }
}
