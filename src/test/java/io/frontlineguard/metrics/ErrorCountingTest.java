package io.frontlineguard.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused request counts once in guard_request_errors_total under its code, whichever layer
 * refused it: the route handlers in front of REST (credentials, body size, media type), the
 * permission checks, the exception mappers and the resources themselves.
 */
@QuarkusTest
class ErrorCountingTest {

    private static final String INCIDENT = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center"}""";

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("UNAUTHORIZED", 401, g -> g.post("/v1/admin/rules/reload").statusCode()),
                refusal("UNAUTHORIZED", 401, g -> g.auth().preemptive().basic("admin", "wrong").post("/v1/admin/rules/reload").statusCode()),
                refusal("FORBIDDEN", 403, g -> g.auth().preemptive().basic("clerk", "clerk-dev-only").post("/v1/admin/rules/reload").statusCode()),
                refusal("NOT_FOUND", 404, g -> g.auth().preemptive().basic("officer", "officer-dev-only").get("/v1/decisions/nothing-here").statusCode()),
                refusal("METHOD_NOT_ALLOWED", 405, g -> g.delete("/v1/rules").statusCode()),
                refusal("NOT_ACCEPTABLE", 406, g -> g.contentType(ContentType.JSON).accept("text/csv").body(INCIDENT).post("/v1/decisions").statusCode()),
                refusal("BODY_TOO_LARGE", 413, g -> g.contentType(ContentType.JSON).body("{\"x\": \"" + "y".repeat(300_000) + "\"}").post("/v1/decisions").statusCode()),
                refusal("UNSUPPORTED_MEDIA_TYPE", 415, g -> g.contentType("text/plain").body(INCIDENT).post("/v1/decisions").statusCode()),
                refusal("INVALID_INCIDENT", 400, g -> g.contentType(ContentType.JSON).body("{}").post("/v1/decisions").statusCode()),
                refusal("INVALID_BATCH", 400, g -> g.contentType(ContentType.JSON).body("{}").post("/v1/decisions:batch").statusCode()));
    }

    private static Arguments refusal(String code, int status, Function<RequestSpecification, Integer> send) {
        return Arguments.of(code, status, send);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void shouldCountEveryRefusalOnceUnderItsCode(String code, int status, Function<RequestSpecification, Integer> send) {
        double before = counted(code, status);

        assertEquals(status, send.apply(given()));

        assertEquals(before + 1, counted(code, status), 0.0);
    }

    private static double counted(String code, int status) {
        String prefix = "guard_request_errors_total{code=\"" + code + "\",status=\"" + status + "\"} ";
        return given().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).findFirst().orElse(0);
    }
}
