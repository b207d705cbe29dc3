package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.Test;

/**
 * Guessing is throttled per client address and per user name, before any password is hashed,
 * while calling systems already signed in keep deciding. Each client here connects from its own
 * loopback address (127.0.0.x), as separate machines would.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.LowLimits.class)
class LoginThrottleTest {

    static final int MAX_FAILURES = 5;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.security.throttle.max-failures", Integer.toString(MAX_FAILURES),
                    "guard.security.throttle.window", "10m",
                    "quarkus.http.auth.permission.decisions.policy", "decider-role",
                    "guard.security.anonymous-departments", "",
                    "guard.security.users.shop.password-hash", ProductionDecisionAccessTest.SHOP_HASH,
                    "guard.security.users.shop.roles", "decider",
                    "guard.security.users.shop.departments", "shop");
        }
    }

    @Inject
    PasswordChecks checks;

    static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().baseUri("http://127.0.0.1").config(RestAssured.config()
                    .httpClient(HttpClientConfig.httpClientConfig().setParam(ConnRoutePNames.LOCAL_ADDRESS, local)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response decide(RequestSpecification client, String user, String password) {
        return client.auth().preemptive().basic(user, password).contentType("application/json")
                .body("{\"incidentId\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-11-23T10:00:00+09:00\","
                        + " \"channel\": \"PHONE\", \"department\": \"shop\"}")
                .post("/v1/decisions?record=false");
    }

    @Test
    void shouldThrottleAFloodOfWrongPasswordsWhileOtherClientsKeepDeciding() throws Exception {
        decide(from("127.0.0.1"), "crm", "crm-dev-only").then().statusCode(200);
        long hashesBefore = checks.hashesComputed();

        ExecutorService flood = Executors.newFixedThreadPool(4);
        List<Future<Response>> guesses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String guess = "guess-" + i;
            guesses.add(flood.submit(() -> decide(from("127.0.0.2"), "crm", guess)));
        }
        List<Integer> decided = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decided.add(decide(from("127.0.0.1"), "crm", "crm-dev-only").statusCode());
        }
        int refused = 0;
        int throttled = 0;
        for (Future<Response> f : guesses) {
            Response r = f.get();
            if (r.statusCode() == 401) {
                refused++;
            } else {
                throttled++;
                r.then().statusCode(429).contentType("application/problem+json")
                        .body("code", equalTo("TOO_MANY_FAILED_LOGINS"));
                assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.header("Retry-After"));
            }
        }
        flood.shutdown();
        long hashes = checks.hashesComputed() - hashesBefore;

        assertEquals(List.of(20), List.of((int) decided.stream().filter(s -> s == 200).count()),
                "every decision of the signed-in system was answered: " + decided);
        assertTrue(refused >= MAX_FAILURES && refused <= MAX_FAILURES + 4, "wrong passwords checked before the throttle: " + refused);
        assertEquals(60 - refused, throttled);
        assertEquals(refused, hashes, "only the checked guesses cost a password hash, the throttled ones none");
    }

    @Test
    void shouldThrottleAUserNameGuessedFromManyAddressesEvenWithItsRightPassword() {
        long hashesBefore = checks.hashesComputed();
        for (int i = 0; i < MAX_FAILURES; i++) {
            decide(from("127.0.1." + (i + 1)), "shop", "guess-" + i).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        }
        decide(from("127.0.1.100"), "shop", "guess-last").then().statusCode(429)
                .body("code", equalTo("TOO_MANY_FAILED_LOGINS"));
        Response right = decide(from("127.0.1.101"), "shop", "shop-test-only");
        right.then().statusCode(429).body("code", equalTo("TOO_MANY_FAILED_LOGINS"));
        assertTrue(Long.parseLong(right.header("Retry-After")) > 0);
        assertEquals(MAX_FAILURES, checks.hashesComputed() - hashesBefore, "no hash for a throttled user name");
    }

    @Test
    void shouldThrottleBadTokensPerAddress() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            from("127.0.2.1").header("Authorization", "Bearer not.a.token" + i).contentType("application/json")
                    .body("{}").post("/v1/decisions").then().statusCode(401);
        }
        from("127.0.2.1").header("Authorization", "Bearer not.a.token").contentType("application/json")
                .body("{}").post("/v1/decisions").then().statusCode(429)
                .body("code", equalTo("TOO_MANY_FAILED_LOGINS"));
        decide(from("127.0.2.2"), "crm", "crm-dev-only").then().statusCode(200);
    }

    @Test
    void shouldHashASystemsPasswordOnceNotPerRequest() {
        decide(from("127.0.3.1"), "crm", "crm-dev-only").then().statusCode(200);
        long hashesBefore = checks.hashesComputed();
        for (int i = 0; i < 25; i++) {
            decide(from("127.0.3.1"), "crm", "crm-dev-only").then().statusCode(200);
        }
        assertEquals(0, checks.hashesComputed() - hashesBefore);
    }
}
