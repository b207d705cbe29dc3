package io.frontlineguard.rulemanagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.api.Conformance;
import io.frontlineguard.decisionlog.DecisionLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/admin/rules/impact}: the impact replay over the service's own decision log, as the
 * console's page runs it. The profile gives the service a log file of its own, so the decisions
 * here are the only ones in it, and a cap of three decisions per replay. (The profile is built in
 * another class loader than the one the tests run in, so the file is asked of the log itself.)
 */
@QuarkusTest
@TestProfile(ImpactApiTest.OwnLog.class)
class ImpactApiTest {

    static final Path LOG = Path.of("target/impact-api-" + UUID.randomUUID(), "decisions.jsonl").toAbsolutePath();
    static final int CAP = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/admin/rules/impact";

    public static class OwnLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.decision-log.path", LOG.toString(), "guard.impact.max-decisions", String.valueOf(CAP));
        }
    }

    @Inject
    DecisionLog log;

    /** A long-standing business client complains of our confirmed failure: the rules escalate to a supervisor. */
    private static String keyClient(String callerId) {
        return """
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "sales",
                 "caseId": "IMPACT-%s", "caller": {"callerId": "%s", "kind": "BUSINESS_CLIENT", "keyAccount": true},
                 "caseHistory": {"companyFault": "CONFIRMED"}}""".formatted(UUID.randomUUID(), callerId);
    }

    /** The built-in answers.drl with the key client's escalation raised to a manager. */
    private static String managerCandidate() throws Exception {
        String drl = Files.readString(Path.of("rules/answers.drl"));
        int rule = drl.indexOf("rule \"Escalate a long-standing client's complaint");
        int emit = drl.indexOf("Role.SUPERVISOR", rule);
        return drl.substring(0, emit) + "Role.MANAGER" + drl.substring(emit + "Role.SUPERVISOR".length());
    }

    private static String body(String since, Map<String, String> files) {
        ObjectNode b = JSON.createObjectNode();
        if (since != null) {
            b.put("since", since);
        }
        ObjectNode f = b.putObject("files");
        files.forEach(f::put);
        b.put("examples", 10);
        return b.toString();
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-dev-only").contentType(ContentType.JSON);
    }

    private static String decide(String incident) {
        return given().contentType(ContentType.JSON).body(incident).post("/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
    }

    private JsonNode caller(String callerId) throws Exception {
        return JSON.readTree(given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + callerId)
                .then().statusCode(200).extract().asString());
    }

    private byte[] logBytes() throws Exception {
        assertTrue(log.flush(Duration.ofSeconds(10)), "the decision log caught up");
        return Files.readAllBytes(log.file().orElseThrow());
    }

    /** A period that starts now: the decisions of the other tests, made before, are not in it. */
    private static String justBefore() throws InterruptedException {
        Thread.sleep(10);
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @Test
    void shouldFindTheDecisionTheCandidateChangesAndWriteNothing() throws Exception {
        String since = justBefore();
        String callerId = "+81-90-3141-" + (1000 + (int) (Math.random() * 8999));
        String decisionId = decide(keyClient(callerId));
        byte[] logBefore = logBytes();
        JsonNode memoryBefore = caller(callerId);

        Response r = admin().body(body(since, Map.of("answers.drl", managerCandidate()))).post(PATH)
                .then().statusCode(200).extract().response();

        JsonNode report = Conformance.assertConforms("ImpactReport", r);
        assertEquals(1, report.at("/totals/replayed").asInt(), report::toString);
        assertEquals(1, report.at("/totals/changed").asInt());
        assertEquals(1, report.get("exitCode").asInt());
        JsonNode params = report.get("changes").get(0);
        assertEquals("PARAMS_CHANGED", params.get("kind").asText(), report::toString);
        assertEquals(1, params.at("/departments/sales").asInt());
        assertEquals(1, params.at("/lessons/L003-1").asInt());
        JsonNode example = params.get("examples").get(0);
        assertEquals(decisionId, example.get("decisionId").asText());
        assertEquals(java.util.List.of("~ ESCALATE {\"to\":\"SUPERVISOR\"} → {\"to\":\"MANAGER\"}"),
                JSON.convertValue(example.get("changes"), java.util.List.class));
        assertTrue(example.get("callerId").asText().startsWith("hmac:"), "the caller as the log masks it");
        // The same as data, for a reader who words it (the console), with the incident's own time.
        assertEquals("2026-11-23T10:00:00+09:00", example.get("occurredAt").asText(), example::toString);
        JsonNode change = example.get("changeDetails").get(0);
        assertEquals(JSON.readTree("""
                {"kind": "PARAMS_CHANGED", "code": "ESCALATE", "before": [{"to": "SUPERVISOR"}], "after": [{"to": "MANAGER"}]}"""),
                ((ObjectNode) change.deepCopy()).without("rules"), change::toString);
        assertTrue(example.get("beforeActions").findValues("code").stream().anyMatch(c -> c.asText().equals("ESCALATE")), example::toString);
        assertEquals(JSON.readTree("{\"to\": \"SUPERVISOR\"}"), java.util.stream.StreamSupport.stream(example.get("beforeActions").spliterator(), false)
                .filter(a -> a.get("code").asText().equals("ESCALATE")).findFirst().orElseThrow().get("params"));
        // And the names of what it cites in the reader's language, for one who cannot read the catalogue.
        String rule = params.get("rules").fieldNames().next();
        assertTrue(report.at("/ruleNames").has(rule), report::toString);
        assertTrue(report.at("/ruleNames").get(rule).asText().matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*"), report::toString);
        assertFalse(report.at("/lessonTexts/L003-1/text").asText().isEmpty(), report::toString);
        assertTrue(report.at("/lessonTexts/L003-1/ja").asText().matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*"), report::toString);
        assertFalse(r.asString().contains(callerId.replace("-", "").substring(3)) || r.asString().contains(callerId),
                "no clear caller id in the answer");

        assertArrayEquals(logBefore, logBytes(), "the replay wrote nothing to the decision log");
        assertEquals(memoryBefore, caller(callerId), "the replay recorded nothing in case memory");
    }

    /**
     * The report says beside the impact whether the candidate passes the verification every replica
     * applies (the manager candidate fails the scenarios that pin the supervisor), and leaves out a
     * what-if question unless asked to include it.
     */
    @Test
    void shouldReportTheVerificationAndSkipWhatIfDecisionsUnlessAsked() throws Exception {
        String since = justBefore();
        decide(keyClient("+81-90-1618-0339"));
        given().contentType(ContentType.JSON).body(keyClient("+81-90-1618-0340")).post("/v1/decisions?record=false")
                .then().statusCode(200);

        JsonNode report = Conformance.assertConforms("ImpactReport", admin()
                .body(body(since, Map.of("answers.drl", managerCandidate()))).post(PATH).then().statusCode(200).extract().response());

        assertEquals(1, report.at("/totals/replayed").asInt(), report::toString);
        assertEquals(1, report.at("/totals/whatIf").asInt(), report::toString);
        assertEquals(1, report.get("exitCode").asInt(), "the exit code stays the impact's");
        JsonNode v = report.get("verification");
        assertFalse(v.get("ready").asBoolean(), v::toString);
        assertTrue(v.at("/scenarios/failed").asInt() > 0, v::toString);
        assertTrue(v.get("reasons").toString().contains("scenario"), v::toString);
        assertTrue(v.at("/problems/0").asText().contains("fails"), v::toString);

        ObjectNode including = (ObjectNode) JSON.readTree(body(since, Map.of("answers.drl", managerCandidate())));
        including.put("includeWhatIf", true);
        admin().body(including.toString()).post(PATH).then().statusCode(200)
                .body("totals.replayed", equalTo(2)).body("totals.whatIf", equalTo(0)).body("totals.changed", equalTo(2));
        admin().body(body(since, Map.of())).post(PATH).then().statusCode(200)
                .body("verification.ready", equalTo(true)).body("verification.scenarios.failed", equalTo(0));
    }

    @Test
    void shouldReplayTheRulesInForceWithoutAChangeWhenNoFileIsGiven() throws Exception {
        String since = justBefore();
        decide(keyClient("+81-90-2718-2818"));

        admin().body(body(since, Map.of())).post(PATH).then().statusCode(200)
                .body("totals.replayed", equalTo(1)).body("totals.changed", equalTo(0)).body("exitCode", equalTo(0));
    }

    @Test
    void shouldReplayNoMoreDecisionsThanTheCapAndSaySo() throws Exception {
        String since = justBefore();
        for (int i = 0; i < CAP + 2; i++) {
            decide(keyClient("+81-90-5555-000" + i));
        }

        Response r = admin().body(body(since, Map.of())).post(PATH).then().statusCode(200).extract().response();

        JsonNode report = Conformance.assertConforms("ImpactReport", r);
        assertEquals(CAP, report.at("/totals/replayed").asInt(), report::toString);
        assertEquals(CAP, report.at("/limit/decisions").asInt());
        assertTrue(report.at("/limit/reached").asBoolean());
        assertFalse(report.at("/limit/until").asText().isEmpty());
    }

    @Test
    void shouldRefuseACandidateThatFailsTheLintAndRunNothingOfIt() throws Exception {
        String since = justBefore();
        decide(keyClient("+81-90-1414-2135"));
        Path marker = log.file().orElseThrow().resolveSibling("candidate-ran");
        String drl = """
                package frontlineguard.evil;
                import io.frontlineguard.incident.*;
                global io.frontlineguard.decision.ActionSink actions;
                rule "Write a file on every incident"
                    @lesson("L003-1")
                when
                    Incident()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """.formatted(marker);

        Response r = admin().body(body(since, Map.of("evil.drl", drl))).post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("RULES_REJECTED")).extract().response();

        Conformance.assertConforms("Problem", r);
        assertTrue(r.<java.util.List<String>>path("errors").stream().anyMatch(e -> e.startsWith("evil.drl:")), r.asString());
        assertFalse(Files.exists(marker), "nothing of the refused candidate ran");
    }

    @Test
    void shouldRefuseABadPeriodAndABadFileNameNamingThem() {
        admin().body(body("last month", Map.of())).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                .body("errors.path", hasItem("since"));
        admin().body(body("30d", Map.of("../outside.drl", "x"))).post(PATH).then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("errors.path", hasItem("files.../outside.drl"));
        admin().body("{\"since\": \"30d\", \"candidate\": \"rules-candidate\"}").post(PATH).then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("errors.path", hasItem("candidate"));
    }

    /**
     * A candidate file is a plain file name of the rules folder: nothing with a folder part (up, down
     * or absolute), nothing hidden, nothing the folder does not read. Each refused name is named, with
     * its own code rather than the one for ids; a file to remove that is not in force is told apart.
     */
    @Test
    void shouldRefuseEveryCandidateFileNameThatIsNotAPlainRulesFileName() {
        for (String name : java.util.List.of("a/b.drl", "../x.drl", "sub/../answers.drl", "/etc/answers.drl", "a\\b.drl",
                ".hidden.drl", "..drl", "answers.drl/", "x.yml", "x.txt", "answers", "x.drl.txt", " answers.drl", "")) {
            admin().body(body("30d", Map.of(name, "x"))).post(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                    .body("errors.size()", equalTo(1)).body("errors[0].path", equalTo("files." + name))
                    .body("errors[0].code", equalTo("INVALID_FILE_NAME"));
            admin().body("{\"remove\": [" + JSON.valueToTree(name) + "]}").post(PATH).then().statusCode(400)
                    .body("code", equalTo("INVALID_REQUEST")).body("errors[0].path", equalTo("remove[0]"))
                    .body("errors[0].code", equalTo("INVALID_FILE_NAME"));
        }
        Response r = admin().body("{\"remove\": [\"answers.drl\", \"nothere.drl\"]}").post(PATH).then().statusCode(400)
                .body("errors.size()", equalTo(1)).body("errors[0].path", equalTo("remove[1]"))
                .body("errors[0].code", equalTo("UNKNOWN_FILE")).body("errors[0].allowed", hasItem("answers.drl"))
                .extract().response();
        Conformance.assertConforms("Problem", r);
    }

    /** A few hundred bytes whose aliases expand to a billion values: refused at once, and the next replay runs. */
    @Test
    void shouldRefuseAYamlFileWhoseAliasesExplodeAndStayAvailable() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (level - 1)))).append("]\n");
        }
        given().auth().preemptive().basic("author", "author-dev-only").contentType(ContentType.JSON)
                .body(body("30d", Map.of("lessons.yaml", bomb.toString()))).post(PATH)
                .then().statusCode(422).body("code", equalTo("RULES_REJECTED"))
                .body("errors[0]", org.hamcrest.Matchers.startsWith("lessons.yaml:"));
        admin().get(PATH).then().statusCode(200).body("running", equalTo(false));
        admin().body(body("30d", Map.of())).post(PATH).then().statusCode(200);
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        admin().body(body("30d", Map.of("big.drl", "x".repeat(300_000)))).post(PATH).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void shouldLetAPolicyAuthorReplayButUseNoOtherAdminEndpoint() {
        RequestSpecification author = given().auth().preemptive().basic("author", "author-dev-only").contentType(ContentType.JSON);
        author.get(PATH).then().statusCode(200).body("maxDecisions", equalTo(CAP));
        given().auth().preemptive().basic("author", "author-dev-only").contentType(ContentType.JSON)
                .body(body("30d", Map.of())).post(PATH).then().statusCode(200);
        given().auth().preemptive().basic("author", "author-dev-only").post("/v1/admin/rules/reload").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().preemptive().basic("author", "author-dev-only").get("/v1/callers/+81-90-0000-0000").then().statusCode(403);
        given().auth().preemptive().basic("author", "author-dev-only").contentType(ContentType.JSON)
                .body("{\"occurredAt\": \"2026-11-23T10:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"sales\"}")
                .post("/v1/decisions").then().statusCode(403);
    }

    @Test
    void shouldLetOnlyAdminsAndAuthorsReplay() {
        given().contentType(ContentType.JSON).body(body("30d", Map.of())).post(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        for (String[] user : new String[][] {{"clerk", "clerk-dev-only"}, {"officer", "officer-dev-only"}, {"exec", "exec-dev-only"}}) {
            given().auth().preemptive().basic(user[0], user[1]).contentType(ContentType.JSON).body(body("30d", Map.of()))
                    .post(PATH).then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
            given().auth().preemptive().basic(user[0], user[1]).get(PATH).then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void shouldTellAnAdminTheLimitsAndTheLogFiles() {
        Response r = given().auth().preemptive().basic("admin", "admin-dev-only").get(PATH).then().statusCode(200)
                .body("since", equalTo("30d")).body("maxDecisions", equalTo(CAP)).body("running", equalTo(false))
                .extract().response();
        Conformance.assertConforms("ImpactSettings", r);
        assertEquals(LOG.getFileName().toString(), r.<java.util.List<String>>path("logs").get(0));
    }

    @Test
    void shouldRefuseASecondReplayWhileOneIsUnderWay() {
        ImpactResource.ONE_RUN.lock();
        try {
            Response r = admin().body(body("30d", Map.of())).post(PATH).then().statusCode(429)
                    .contentType("application/problem+json").body("code", equalTo("IMPACT_RUN_BUSY")).extract().response();
            Conformance.assertConforms("Problem", r);
            given().auth().preemptive().basic("admin", "admin-dev-only").get(PATH).then().body("running", equalTo(true));
        } finally {
            ImpactResource.ONE_RUN.unlock();
        }
    }
}
