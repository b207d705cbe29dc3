package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Admin endpoints refuse anonymous callers (401) and callers without the admin role (403), as
 * problem documents; decisions are protected the same way once configuration says so. Uses the
 * documented test-only users admin/admin-dev-only (admin) and clerk/clerk-dev-only (decider).
 */
@QuarkusTest
@TestProfile(AccessControlTest.DecisionsProtected.class)
class AccessControlTest {

    /** Only configuration changes: the decisions permission switches from permit to the decider role. */
    public static class DecisionsProtected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.decisions.policy", "decider-role");
        }
    }

    static final String INCIDENT = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center"}
            """;

    @Test
    void shouldAnswer401ToAnonymousAdminCallers() {
        given().post("/v1/admin/rules/reload")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .body("code", equalTo("UNAUTHORIZED"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldAnswer401ToWrongPasswords() {
        given().auth().preemptive().basic("admin", "not-the-password").post("/v1/admin/rules/reload")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
        given().auth().preemptive().basic("nobody", "admin-dev-only").post("/v1/admin/rules/reload")
                .then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void shouldAnswer403ToCallersWithoutTheAdminRole() {
        given().auth().preemptive().basic("clerk", "clerk-dev-only").post("/v1/admin/rules/reload")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"))
                .body("status", equalTo(403));
    }

    @Test
    void shouldReloadForTheAdminRole() {
        given().auth().preemptive().basic("admin", "admin-dev-only").post("/v1/admin/rules/reload")
                .then().statusCode(200)
                .body("rulesetVersion", startsWith("sha256:"))
                .body("reloads.last.outcome", equalTo("SUCCESS"));
    }

    @Test
    void shouldProtectDecisionsWhenConfigured() {
        given().contentType("application/json").body(INCIDENT).post("/v1/decisions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
        given().get("/v1/rules").then().statusCode(401);
        given().auth().preemptive().basic("clerk", "clerk-dev-only")
                .contentType("application/json").body(INCIDENT).post("/v1/decisions")
                .then().statusCode(200)
                .body("rulesetVersion", startsWith("sha256:"));
    }
}
