package io.frontlineguard.decisionlog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The decision log seen from outside: one entry per decision, nothing personal in clear text. */
@QuarkusTest
class DecisionLogApiTest {

    static final String CALLER = "tel:09012345678";
    static final String HANDLER = "emp-handler-4711";
    static final String NAMED = "emp-named-0815";

    /** Names the same caller every time and puts employee ids in the request and in action params. */
    static String incident(String id) {
        return """
                {"incidentId": "%s", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "call-center", "conduct": ["DEMEANING"],
                 "caller": {"callerId": "%s"},
                 "handler": {"employeeId": "%s", "targetOfAnger": true},
                 "demands": [{"type": "APOLOGY_FROM_EMPLOYEE", "employeeId": "%s"}]}
                """.formatted(id, CALLER, HANDLER, NAMED);
    }

    static final String INVALID = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "FAX", "department": "call-center",
             "caller": {"callerId": "tel:09012345678"}}
            """;

    @Inject
    DecisionLog log;

    private final ObjectMapper json = new ObjectMapper();

    private List<String> lines() throws Exception {
        assertTrue(log.flush(Duration.ofSeconds(10)));
        Path file = log.file().orElseThrow();
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static String decide(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void shouldLogExactlyOneEntryPerDecision() throws Exception {
        int before = lines().size();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(decide(incident("ONE-" + i)));
            given().contentType(ContentType.JSON).body(INVALID).when().post("/v1/decisions").then().statusCode(400);
        }
        List<String> after = lines();
        assertEquals(before + 25, after.size(), "one line per 200 response, none for the 400s");
        Map<String, Long> perId = after.stream().map(this::decisionId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (String id : ids) {
            assertEquals(1L, perId.get(id), "entries for " + id);
        }
    }

    @Test
    void shouldLogExactlyOneEntryPerDecisionUnderConcurrentLoad() throws Exception {
        int before = lines().size();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = i % 4 == 3 ? INVALID : incident("LOAD-" + i);
            statuses.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/decisions").then().extract().statusCode()));
        }
        int ok = 0;
        for (java.util.concurrent.Future<Integer> f : statuses) {
            ok += f.get() == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(150, ok);
        List<String> after = lines();
        assertEquals(before + ok, after.size(), "exactly one line per 200 response");
        assertEquals(after.size(), after.stream().map(this::decisionId).distinct().count(), "no decision twice");
    }

    @Test
    void shouldKeepPersonalIdentifiersOutOfTheLogWhileTheSamePersonCorrelates() throws Exception {
        String first = decide(incident("MASK-1"));
        String second = decide(incident("MASK-2"));
        String file = String.join("\n", lines());
        for (String raw : List.of(CALLER, HANDLER, NAMED, "09012345678", "emp-handler", "emp-named")) {
            assertFalse(file.contains(raw), raw + " appears in clear text in the decision log");
        }
        JsonNode a = entry(first);
        JsonNode b = entry(second);
        String callerHash = a.at("/request/caller/callerId").asText();
        assertTrue(callerHash.matches("hmac:[0-9a-f]{64}"), callerHash);
        assertEquals(callerHash, b.at("/request/caller/callerId").asText(), "the same caller hashes identically");
        String handlerHash = a.at("/request/handler/employeeId").asText();
        assertNotEquals(callerHash, handlerHash);
        assertTrue(handlerHash.startsWith("hmac:"));
        assertTrue(a.at("/request/demands/0/employeeId").asText().startsWith("hmac:"));
        // The ids inside the actions' params are the same hashes as in the request.
        JsonNode protect = action(a, "PROTECT_TARGET_EMPLOYEE");
        assertTrue(protect.at("/params/employeeId").asText().startsWith("hmac:"));
        JsonNode reassign = action(a, "REASSIGN_HANDLER");
        List<String> excluded = new ArrayList<>();
        reassign.at("/params/exclude").forEach(n -> excluded.add(n.asText()));
        assertTrue(excluded.contains(handlerHash), excluded.toString());
        assertTrue(excluded.contains(a.at("/request/demands/0/employeeId").asText()), excluded.toString());
    }

    @Test
    void shouldRecordWhatWasDecidedAndHowLongItTook() throws Exception {
        String id = decide(incident("WHAT-1"));
        JsonNode e = entry(id);
        assertEquals("WHAT-1", e.get("incidentId").asText());
        assertTrue(e.get("rulesetVersion").asText().startsWith("sha256:"));
        assertTrue(e.get("time").asText().endsWith("Z"));
        assertTrue(e.get("evaluationNanos").asLong() > 0);
        assertTrue(e.get("firedRules").size() > 0);
        assertEquals("2026-11-23T10:00:00+09:00", e.at("/request/occurredAt").asText());
        assertFalse(e.at("/request/demands/0").has("visit"), "only request fields are logged");
    }

    /**
     * A what-if question ({@code ?record=false}) is marked in its entry, with memory or without it,
     * so guard impact can leave it out: nobody acted on it. A recorded decision carries no mark.
     */
    @Test
    void shouldMarkWhatIfDecisionsInTheirEntry() throws Exception {
        String asked = given().contentType(ContentType.JSON).body(incident("WHATIF-1")).when().post("/v1/decisions?record=false")
                .then().statusCode(200).extract().path("decisionId");
        String anonymous = given().contentType(ContentType.JSON).body("""
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                 "conduct": ["DEMEANING"]}""").when().post("/v1/decisions?record=false")
                .then().statusCode(200).extract().path("decisionId");
        String recorded = decide(incident("WHATIF-2"));

        assertTrue(entry(asked).path("whatIf").asBoolean(), entry(asked).toString());
        assertTrue(entry(anonymous).path("whatIf").asBoolean(), "no memory used, still only asked: " + entry(anonymous));
        assertFalse(entry(recorded).has("whatIf"), entry(recorded).toString());
    }

    @Test
    void shouldReturnALoggedDecisionById() {
        String id = decide(incident("GET-1"));
        // Asked at once: the entry may still be queued, and must be found anyway.
        given().auth().preemptive().basic("officer", "officer-dev-only").when().get("/v1/decisions/" + id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("decisionId", equalTo(id))
                .body("incidentId", equalTo("GET-1"))
                .body("request.caller.callerId", org.hamcrest.Matchers.startsWith("hmac:"));
    }

    @Test
    void shouldAnswerAnUnknownDecisionIdWithNotFound() {
        given().auth().preemptive().basic("officer", "officer-dev-only").when().get("/v1/decisions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().auth().preemptive().basic("admin", "admin-dev-only").when().get("/v1/decisions/not-a-decision-id")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldLetOnlyCaseOfficersAndAdminsLookADecisionUp() {
        String id = decide(incident("GET-2"));
        given().when().get("/v1/decisions/" + id)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("UNAUTHORIZED"));
        given().auth().preemptive().basic("crm", "crm-dev-only").when().get("/v1/decisions/" + id)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().preemptive().basic("admin", "admin-dev-only").when().get("/v1/decisions/" + id)
                .then().statusCode(200).body("decisionId", equalTo(id));
    }

    private JsonNode entry(String decisionId) throws Exception {
        for (String line : lines()) {
            if (decisionId.equals(decisionId(line))) {
                return json.readTree(line);
            }
        }
        throw new AssertionError("no log entry for " + decisionId);
    }

    private String decisionId(String line) {
        try {
            return json.readTree(line).get("decisionId").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static JsonNode action(JsonNode entry, String code) {
        for (JsonNode a : entry.get("actions")) {
            if (a.get("code").asText().equals(code)) {
                return a;
            }
        }
        throw new AssertionError(code + " not among " + entry.get("actions"));
    }
}
