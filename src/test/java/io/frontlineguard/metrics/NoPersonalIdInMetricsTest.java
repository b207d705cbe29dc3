package io.frontlineguard.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The public /q/metrics names routes by their templates: no caller id reaches a label, whatever
 * the answer (200, 400, 401, 403, 404, 405) and however the id is spelt in the path.
 */
@QuarkusTest
class NoPersonalIdInMetricsTest {

    private static final String LIFT = "{\"reason\": \"settled\", \"approval\": {\"role\": \"EXECUTIVE\", \"approvedBy\": \"K. Sato\"}}";
    private static final String FLAG = "{\"flag\": \"WARNED\", \"source\": \"legal\", \"reason\": \"letter\"}";

    private static RequestSpecification as(String user) {
        return user == null ? given() : given().auth().preemptive().basic(user, user + "-dev-only");
    }

    /** Every request on every path that names a caller, as each kind of client gets it. */
    private static void touchEveryCallerPath(String callerId) {
        for (String user : new String[] {null, "clerk", "officer", "admin"}) {
            as(user).get("/v1/callers/" + callerId);
            as(user).contentType(ContentType.JSON).body(FLAG).post("/v1/callers/" + callerId + "/flags");
            as(user).contentType(ContentType.JSON).body("{}").post("/v1/callers/" + callerId + "/flags");
            as(user).contentType(ContentType.JSON).body(LIFT).post("/v1/callers/" + callerId + "/block/lift");
            as(user).contentType(ContentType.JSON).body("{\"reason\": 1}").post("/v1/callers/" + callerId + "/block/lift");
            as(user).delete("/v1/callers/" + callerId);
            as(user).queryParam("reason", "test").delete("/v1/callers/" + callerId);
            as(user).get("/v1/callers/" + callerId + "/no-such-thing");
            as(user).put("/v1/callers/" + callerId);
            as(user).get("/v1/callers/" + callerId + "/flags");
            as(user).contentType("text/plain").body("x").post("/v1/callers/" + callerId + "/flags");
            as(user).accept("text/html").get("/v1/callers/" + callerId);
            as(user).get("/v1/callers/" + callerId + "/");
            as(user).get("/v1/decisions/" + callerId);
            as(user).get("/" + callerId);
            as(user).get("/v1/" + callerId);
        }
    }

    @Test
    void shouldNameNoCallerInAnyHttpMetricLabel() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String a = String.valueOf(n).substring(0, 4);
        String b = String.valueOf(n).substring(4);
        String opaque = "metrics-probe-" + UUID.randomUUID();
        List<String> spellings = List.of("+81-90-" + a + "-" + b, "090-" + a + "-" + b, "090 " + a + " " + b, "090" + a + b,
                "\uFF10\uFF19\uFF10" + a + b, opaque);
        given().contentType(ContentType.JSON).body("{\"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"department\": \"call-center\", \"caller\": {\"callerId\": \"090-" + a + "-" + b + "\", \"blocked\": true}}")
                .post("/v1/decisions").then().statusCode(200);
        for (String spelling : spellings) {
            touchEveryCallerPath(spelling);
        }
        as("officer").get("/v1/callers/" + opaque).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "the HTTP server metrics are not there at all");
        assertTrue(metrics.contains("/v1/callers/{callerId}"), "the callers' route is not named by its template");
        List<String> needles = new ArrayList<>(List.of(a + "-" + b, a + " " + b, "90" + a + b, opaque, opaque.substring(14)));
        for (String spelling : spellings) {
            needles.add(URLEncoder.encode(spelling, StandardCharsets.UTF_8));
            needles.add(URLEncoder.encode(spelling, StandardCharsets.UTF_8).replace("+", "%20"));
            needles.add(URLEncoder.encode(spelling, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        }
        for (String needle : needles) {
            assertFalse(metrics.contains(needle), () -> "the metrics hold a caller id (" + needle + "):\n"
                    + metrics.lines().filter(l -> l.contains(needle)).limit(5).reduce("", (x, y) -> x + y + "\n"));
        }
    }

    /**
     * Requests refused before a route matched (a wrong credential, a method the route lacks) are
     * named by a closed set too, and a flood of invented paths leaves real routes counted.
     */
    @Test
    void shouldNameNoPathOfARequestRefusedBeforeRouting() {
        String id = "090" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        RequestSpecification wrong = given().auth().preemptive().basic("nobody", "wrong-password");
        wrong.get("/" + id).then().statusCode(401);
        wrong.get("/v1/approvals/" + id + "/approve").then().statusCode(401);
        given().get("/v1/approvals/" + id + "/approve");
        given().put("/v1/approvals/" + id + "/reject");
        as("officer").get("/v1/approvals/" + id + "/approve");
        as("officer").put("/v1/decisions/" + id);
        double before = count("/v1/rules");
        for (int i = 0; i < 120; i++) {
            given().auth().preemptive().basic("nobody", "wrong-password").get("/flood-" + i + "-" + id);
        }
        as("crm").get("/v1/rules").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(id.substring(3)), () -> "the metrics hold a caller id:\n"
                + metrics.lines().filter(l -> l.contains(id.substring(3))).limit(5).reduce("", (x, y) -> x + y + "\n"));
        assertTrue(metrics.contains("uri=\"UNMATCHED\""), "requests refused before routing are counted as UNMATCHED");
        assertTrue(count("/v1/rules") > before, "a real route is still counted after a flood of invented paths");
    }

    /** The 200 answers counted for one route, from /q/metrics. */
    private static double count(String uri) {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("uri=\"" + uri + "\"")
                        && l.contains("status=\"200\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
