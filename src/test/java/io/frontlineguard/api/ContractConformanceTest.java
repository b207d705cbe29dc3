package io.frontlineguard.api;

import static io.frontlineguard.api.Conformance.assertConforms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.incident.Contract;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real responses, checked against the document the service publishes: a decision for every
 * scenario beside the rules, in both languages, a batch, the catalogue, a reload, a logged decision
 * and every kind of error this server can produce without changing its configuration. A response
 * that drifts from the document fails here, whichever side moved.
 */
@QuarkusTest
class ContractConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
             "demands": [{"type": "VISIT"}]}""";

    @Test
    void shouldPublishTheContractFileAsItIs() throws Exception {
        JsonNode published = JSON.readTree(given().accept("application/json").get("/q/openapi").asString());

        JsonNode written = Contract.get().document();
        for (String part : List.of("securitySchemes", "parameters", "responses", "schemas")) {
            written.path("components").path(part).fields().forEachRemaining(e -> assertEquals(e.getValue(),
                    published.path("components").path(part).path(e.getKey()), () -> part + "." + e.getKey() + " differs"));
        }
        written.path("paths").fields().forEachRemaining(e -> assertEquals(e.getValue(), published.path("paths").path(e.getKey()),
                () -> "path " + e.getKey() + " differs"));
    }

    @Test
    void shouldAnswerEveryScenarioWithADecisionThatConforms() {
        List<Scenario> scenarios = ScenarioLoader.load(FolderSnapshot.read(Path.of("rules")));
        assertTrue(scenarios.size() > 20, "the built-in scenarios are found");
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (Scenario s : scenarios) {
            String language = batch.size() % 2 == 0 ? "en" : "ja";
            Response r = given().contentType(ContentType.JSON).header("Accept-Language", language)
                    .body(s.incident().toString()).post("/v1/decisions");
            assertEquals(200, r.statusCode(), () -> s.id() + ": " + r.asString());
            assertConforms("Decision", r);
            batch.add(s.incident());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("incidents", batch);
        assertConforms("BatchRequest", body.toString());
        assertConforms("BatchResponse", given().contentType(ContentType.JSON).body(body.toString()).post("/v1/decisions:batch")
                .then().statusCode(200).extract().response());
    }

    /**
     * Issue 29, found by a tester: discrimination against a handler the request does not name was
     * answered PROTECT_TARGET_EMPLOYEE {} although the contract requires its employeeId. The handler is
     * still taken out of the contact by the reassignment; a protection naming nobody is not given.
     */
    @Test
    void shouldAnswerConductAimedAtAnUnnamedHandlerInTheContractsShape() {
        String body = """
                {"occurredAt":"2026-11-23T10:00:00+09:00","channel":"PHONE","department":"call-center",
                 "conduct":["DISCRIMINATION"]}""";

        Response r = given().contentType(ContentType.JSON).body(body).post("/v1/decisions");

        r.then().statusCode(200);
        JsonNode decision = assertConforms("Decision", r);
        List<String> codes = decision.path("actions").findValuesAsText("code");
        assertTrue(codes.contains("REASSIGN_HANDLER"), () -> "the handler is taken out of the contact: " + codes);
        assertTrue(!codes.contains("PROTECT_TARGET_EMPLOYEE"), () -> "nobody to name: " + codes);
    }

    @Test
    void shouldAnswerABatchWithGoodAndBadItemsThatConforms() {
        String body = "{\"incidents\": [" + INCIDENT + ", {\"channel\": \"FAX\"}]}";

        Response r = given().contentType(ContentType.JSON).body(body).post("/v1/decisions:batch");

        r.then().statusCode(200).body("results[1].problem.code", equalTo("INVALID_INCIDENT"));
        assertConforms("BatchResponse", r);
    }

    @Test
    void shouldServeACatalogueAndAReloadThatConform() {
        assertConforms("RuleCatalogue", given().get("/v1/rules").then().statusCode(200).extract().response());
        assertConforms("RuleCatalogue", given().auth().preemptive().basic("admin", "admin-dev-only")
                .post("/v1/admin/rules/reload").then().statusCode(200).extract().response());
        assertConforms("RuleCatalogue", given().get("/v1/rules").then().statusCode(200).extract().response());
    }

    @Test
    void shouldServeALoggedDecisionThatConforms() {
        String id = given().contentType(ContentType.JSON).body(INCIDENT).post("/v1/decisions").path("decisionId");

        assertConforms("DecisionLogEntry", given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/" + id).then().statusCode(200).extract().response());
    }

    @Test
    void shouldLogEveryScenarioIncidentInTheDocumentedForm() {
        for (Scenario s : ScenarioLoader.load(FolderSnapshot.read(Path.of("rules")))) {
            String id = given().contentType(ContentType.JSON).body(s.incident().toString()).post("/v1/decisions")
                    .then().statusCode(200).extract().path("decisionId");
            assertConforms("DecisionLogEntry", given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/" + id).then().statusCode(200).extract().response());
        }
    }

    @Test
    void shouldLogTheSameFieldsAsTheRequestPlusTheDerivedAndRememberedOnes() {
        Contract c = Contract.get();
        JsonNode logged = c.schema("LoggedRequest").path("properties");
        assertEquals(c.propertyNames("Incident"), c.propertyNames(c.schema("LoggedRequest")));
        for (String part : List.of("Caller", "CaseHistory", "Handler")) {
            List<String> expected = new java.util.ArrayList<>(c.propertyNames(part));
            if (part.equals("CaseHistory")) {
                expected.add(1, "ageDays");
                expected.addAll(List.of("otherDepartments", "callbacksDemanded"));
            }
            if (part.equals("Handler")) {
                expected.add("namedBefore");
            }
            if (part.equals("Caller")) {
                expected.add("blockLifted"); // only case memory supplies it, never the request
            }
            String name = Character.toLowerCase(part.charAt(0)) + part.substring(1);
            assertEquals(expected, c.propertyNames(logged.path(name)), part);
        }
    }

    @Test
    void shouldAnswerEveryKindOfErrorWithAProblemThatConforms() {
        problem(400, "INVALID_INCIDENT", given().contentType(ContentType.JSON).body("{\"channel\": 1, \"x\": 2}")
                .post("/v1/decisions"));
        problem(400, "INVALID_INCIDENT", given().contentType(ContentType.JSON).body("{").post("/v1/decisions"));
        problem(400, "INVALID_BATCH", given().contentType(ContentType.JSON).body("{\"incidents\": 3, \"more\": 1}")
                .post("/v1/decisions:batch"));
        problem(401, "UNAUTHORIZED", given().post("/v1/admin/rules/reload"));
        problem(401, "UNAUTHORIZED", given().auth().preemptive().basic("admin", "wrong").post("/v1/admin/rules/reload"));
        problem(403, "FORBIDDEN", given().auth().preemptive().basic("clerk", "clerk-dev-only").post("/v1/admin/rules/reload"));
        problem(404, "NOT_FOUND", given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/no-such-decision"));
        problem(404, "NOT_FOUND", given().get("/v1/no-such-path"));
        problem(405, "METHOD_NOT_ALLOWED", given().delete("/v1/rules"));
        problem(406, "NOT_ACCEPTABLE", given().contentType(ContentType.JSON).accept("text/csv").body(INCIDENT)
                .post("/v1/decisions"));
        problem(413, "BODY_TOO_LARGE", given().contentType(ContentType.JSON).body("{\"incidentId\": \"" + "x".repeat(300_000) + "\"}")
                .post("/v1/decisions"));
        problem(415, "UNSUPPORTED_MEDIA_TYPE", given().contentType("text/plain").body(INCIDENT).post("/v1/decisions"));
    }

    private static void problem(int status, String code, Response r) {
        r.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        assertConforms("Problem", r);
    }
}
