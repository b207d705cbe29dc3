package io.frontlineguard.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password hashes run on their own few threads with a short queue: a flood of new credentials
 * (here from one address, with the throttle out of the way) is refused past that queue instead
 * of occupying the threads that decisions with case memory wait on.
 */
@QuarkusTest
@TestProfile(PasswordCheckFloodTest.OneCheckAtATime.class)
class PasswordCheckFloodTest {

    public static class OneCheckAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guard.security.password-checks.threads", "1",
                    "guard.security.password-checks.queue", "2",
                    "quarkus.http.auth.permission.decisions.policy", "decider-role",
                    "guard.security.anonymous-departments", "");
        }
    }

    static Response decide(String user, String password) {
        // A caller id: the decision reads and writes case memory, on a worker thread.
        return given().auth().preemptive().basic(user, password).contentType("application/json")
                .body("{\"incidentId\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-11-23T10:00:00+09:00\","
                        + " \"channel\": \"PHONE\", \"department\": \"shop\", \"caller\": {\"callerId\": \"flood-" + UUID.randomUUID() + "\"}}")
                .post("/v1/decisions");
    }

    @Test
    void shouldRefuseNewCredentialsPastTheQueueWhileSignedInSystemsKeepDeciding() throws Exception {
        decide("crm", "crm-dev-only").then().statusCode(200);

        ExecutorService flood = Executors.newFixedThreadPool(16);
        List<Future<Response>> guesses = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String guess = "guess-" + i;
            guesses.add(flood.submit(() -> decide("user-" + guess, guess)));
        }
        List<Integer> decided = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            decided.add(decide("crm", "crm-dev-only").statusCode());
        }
        int busy = 0;
        for (Future<Response> f : guesses) {
            Response r = f.get();
            if (r.statusCode() == 503) {
                busy++;
                assertEquals("CREDENTIAL_CHECK_BUSY", r.jsonPath().getString("code"));
                assertEquals("1", r.header("Retry-After"));
            } else {
                assertEquals(401, r.statusCode(), r.asString());
            }
        }
        flood.shutdown();

        assertEquals(10, decided.stream().filter(s -> s == 200).count(), "the signed-in system decided throughout: " + decided);
        assertTrue(busy > 0, "16 concurrent new credentials overflow one check thread and a queue of 2");
    }
}
