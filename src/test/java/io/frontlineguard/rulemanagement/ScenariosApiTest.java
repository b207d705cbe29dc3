package io.frontlineguard.rulemanagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.Conformance;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.verification.VerifiedRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios of the rules in force, as the console lists them as examples and reruns them. */
@QuarkusTest
class ScenariosApiTest {

    private final List<Scenario> builtIn = VerifiedRules.scenarios(FolderSnapshot.read(Path.of("rules")));

    @Test
    void shouldListEveryScenarioWithTheIncidentItPosts() {
        Response r = given().get("/v1/rules/scenarios").then().statusCode(200).extract().response();
        JsonNode list = Conformance.assertConforms("ScenarioList", r);
        assertEquals(builtIn.size(), list.get("scenarios").size());
        JsonNode first = list.get("scenarios").get(0);
        assertEquals(builtIn.get(0).id(), first.get("id").asText());
        assertEquals(builtIn.get(0).incident().toString(), first.get("incident").toString(), "the incident as the scenario file gives it");
        assertEquals(given().get("/v1/rules").then().extract().<String>path("rulesetVersion"), list.get("rulesetVersion").asText());
        given().contentType("application/json").body(first.get("incident").toString()).post("/v1/decisions?record=false")
                .then().statusCode(200);
    }

    @Test
    void shouldRunTheSuiteOfTheRulesInForceAsGuardTestDoes() {
        Response r = given().post("/v1/rules/scenarios/run").then().statusCode(200).extract().response();
        JsonNode run = Conformance.assertConforms("ScenarioRun", r);
        assertEquals(builtIn.size(), run.get("passed").asInt());
        assertEquals(0, run.get("failed").asInt());
        assertEquals(run.get("ruleCount").asInt(), run.get("coveredRuleCount").asInt(), "the built-in rules are all covered");
        assertTrue(run.get("uncoveredRules").isEmpty());
        assertEquals(builtIn.size(), run.get("results").size());
        for (JsonNode result : run.get("results")) {
            assertTrue(result.get("passed").asBoolean() && result.get("differences").isEmpty(), result.toString());
        }
    }

    @Test
    void shouldRefuseASecondRunWhileOneIsUnderWayInsteadOfQueueingIt() {
        // The test thread holds the run lock, as a run in progress would; requests run on other threads.
        ScenariosResource.ONE_RUN.lock();
        try {
            Response r = given().post("/v1/rules/scenarios/run").then().statusCode(429)
                    .contentType("application/problem+json").body("code", equalTo("SCENARIO_RUN_BUSY")).extract().response();
            Conformance.assertConforms("Problem", r);
        } finally {
            ScenariosResource.ONE_RUN.unlock();
        }
        given().post("/v1/rules/scenarios/run").then().statusCode(200);
    }
}
