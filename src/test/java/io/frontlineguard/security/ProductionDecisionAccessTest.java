package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Decisions as production configures them: only calling systems (role decider or admin) decide,
 * each for the departments it is bound to. The profile undoes the test profile's one convenience
 * (anonymous decisions) and adds two systems: {@code shop} bound to the shop department, and
 * {@code unbound}, a decider whose departments nobody configured.
 */
@QuarkusTest
@TestProfile(ProductionDecisionAccessTest.ProductionAccess.class)
class ProductionDecisionAccessTest {

    static final String SHOP_HASH = "pbkdf2-sha256:210000:Hvpcz/ss5EorXbpOfmcr9w:Nj4Z9O+ABitq3YE38CzlhUgVJKQ7CnHmlhdqI2jH8Lo";

    /** application.properties without its %test conveniences for decisions. */
    public static class ProductionAccess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.decisions.policy", "decider-role",
                    "guard.security.anonymous-departments", "",
                    "guard.security.users.shop.password-hash", SHOP_HASH,
                    "guard.security.users.shop.roles", "decider",
                    "guard.security.users.shop.departments", "shop, shop-online",
                    "guard.security.users.unbound.password-hash", SHOP_HASH,
                    "guard.security.users.unbound.roles", "decider");
        }
    }

    static String incident(String department, String callerId) {
        return "{\"incidentId\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-11-23T10:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"department\": \"" + department + "\", \"caller\": {\"callerId\": \"" + callerId + "\","
                + " \"policeInvolvement\": \"ARRESTED\"}}";
    }

    static String freshCaller() {
        return "ext-" + UUID.randomUUID();
    }

    static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType("application/json");
    }

    @Test
    void shouldRefuseAnonymousDecisionsWithAChallenge() {
        String body = incident("shop", freshCaller());
        for (String path : new String[] {"/v1/decisions", "/v1/decisions?record=false"}) {
            given().contentType("application/json").body(body).post(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", notNullValue())
                    .body("code", equalTo("UNAUTHORIZED"));
        }
        given().contentType("application/json").body("{\"incidents\": [" + body + "]}").post("/v1/decisions:batch?record=false")
                .then().statusCode(401)
                .header("WWW-Authenticate", notNullValue())
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void shouldDecideForTheCallingSystemsOwnDepartments() {
        as("shop", "shop-test-only").body(incident("shop-online", freshCaller())).post("/v1/decisions")
                .then().statusCode(200)
                .body("rulesetVersion", startsWith("sha256:"));
    }

    @Test
    void shouldRefuseADecisionForAnotherDepartmentAndRememberNothing() {
        String caller = freshCaller();
        as("shop", "shop-test-only").body(incident("call-center", caller)).post("/v1/decisions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"))
                .body("detail", containsString("'call-center'"))
                .body("detail", containsString("guard.security.users.shop.departments"));
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller)
                .then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
    }

    @Test
    void shouldRefuseAWhatIfForAnotherDepartment() {
        as("shop", "shop-test-only").body(incident("call-center", freshCaller())).post("/v1/decisions?record=false")
                .then().statusCode(403)
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"));
    }

    @Test
    void shouldRefuseTheWholeBatchWhenOneIncidentIsForAnotherDepartment() {
        String own = freshCaller();
        String batch = "{\"incidents\": [" + incident("shop", own) + ", " + incident("call-center", freshCaller()) + "]}";
        as("shop", "shop-test-only").body(batch).post("/v1/decisions:batch")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"))
                .body("detail", startsWith("incidents[1]"));
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + own)
                .then().statusCode(404).body("code", equalTo("UNKNOWN_CALLER"));
    }

    @Test
    void shouldLetASystemWithoutConfiguredDepartmentsSpeakForNone() {
        as("unbound", "shop-test-only").body(incident("shop", freshCaller())).post("/v1/decisions")
                .then().statusCode(403)
                .body("code", equalTo("DEPARTMENT_NOT_ALLOWED"))
                .body("detail", containsString("speaks for none"))
                .body("detail", containsString("guard.security.users.unbound.departments"));
    }

    @Test
    void shouldRefuseDecisionsToUsersWithoutTheDeciderRole() {
        as("officer", "officer-dev-only").body(incident("shop", freshCaller())).post("/v1/decisions")
                .then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldLetTheAllDepartmentsSystemSpeakForAny() {
        as("crm", "crm-dev-only").body(incident("call-center", freshCaller())).post("/v1/decisions")
                .then().statusCode(200);
        as("crm", "crm-dev-only").body("{\"incidents\": [" + incident("hq-consultation", freshCaller()) + "]}")
                .post("/v1/decisions:batch").then().statusCode(200).body("results[0].status", equalTo(200));
    }
}
