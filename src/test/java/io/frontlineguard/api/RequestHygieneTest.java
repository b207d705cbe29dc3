package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the probe of issue 8 found at the edge of the API, each decided on purpose: refuse bodies
 * that are not UTF-8 JSON, refuse oversized chunked bodies with a problem document, accept a
 * leading byte-order mark (RFC 8259 allows ignoring it), refuse control characters, unpaired
 * surrogates and years beyond four digits.
 */
@QuarkusTest
class RequestHygieneTest {

    private static final String INCIDENT = """
            {"incidentId": "%s", "occurredAt": "%s", "channel": "PHONE", "department": "%s"}""";

    @TestHTTPResource("/v1/decisions")
    URI decisions;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    private static String incident(String id, String at, String department) {
        return INCIDENT.formatted(id, at, department);
    }

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Test
    void shouldRefuseABodyWithoutContentType() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(decisions)
                .POST(HttpRequest.BodyPublishers.ofString(incident("H-1", "2026-05-01T10:00:00+09:00", "cc"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""), r.body());
    }

    @Test
    void shouldRefuseACharsetOtherThanUtf8() {
        given().config(RAW).contentType("application/json; charset=ISO-8859-1")
                .body(incident("H-2", "2026-05-01T10:00:00+09:00", "cc").getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/v1/decisions")
                .then().statusCode(415).contentType(containsString("application/problem+json"))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void shouldRefuseTextPlain() {
        given().config(RAW).contentType("text/plain").body(incident("H-3", "2026-05-01T10:00:00+09:00", "cc"))
                .when().post("/v1/decisions:batch")
                .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void shouldAcceptUtf8SpelledAnyWay() {
        given().config(RAW).contentType("application/json; charset=\"UTF-8\"")
                .body(incident("H-4", "2026-05-01T10:00:00+09:00", "cc"))
                .when().post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnOversizedChunkedBodyWithAProblemCountedAs413() throws Exception {
        double before = counted("BODY_TOO_LARGE", "413");
        HttpResponse<String> r = chunked(" ".repeat(300 * 1024));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("\"code\":\"BODY_TOO_LARGE\""), r.body());
        assertEquals(before + 1, counted("BODY_TOO_LARGE", "413"));
    }

    @Test
    void shouldDecideAChunkedBodyWithinTheLimit() throws Exception {
        HttpResponse<String> r = chunked(incident("H-5", "2026-05-01T10:00:00+09:00", "cc"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"decisionId\""), r.body());
    }

    @Test
    void shouldAcceptALeadingByteOrderMark() {
        byte[] json = incident("H-6", "2026-05-01T10:00:00+09:00", "cc").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);
        given().contentType("application/json").body(body).when().post("/v1/decisions")
                .then().statusCode(200).body("incidentId", equalTo("H-6"));
    }

    @Test
    void shouldRefuseANulCharacter() {
        given().contentType("application/json").body(incident("H\\u0000-7", "2026-05-01T10:00:00+09:00", "cc"))
                .when().post("/v1/decisions")
                .then().statusCode(400).body("errors[0].path", equalTo("incidentId"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void shouldRefuseAnUnpairedSurrogate() {
        given().contentType("application/json").body(incident("H-8", "2026-05-01T10:00:00+09:00", "c\\ud800c"))
                .when().post("/v1/decisions")
                .then().statusCode(400).body("errors[0].path", equalTo("department"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void shouldAcceptAPairedSurrogate() {
        given().contentType("application/json").body(incident("H-9", "2026-05-01T10:00:00+09:00", "\\ud83d\\ude00 support"))
                .when().post("/v1/decisions").then().statusCode(200);
    }

    @Test
    void shouldRefuseAYearBeyondFourDigits() {
        given().contentType("application/json").body(incident("H-10", "+99999-05-01T10:00:00+09:00", "cc"))
                .when().post("/v1/decisions")
                .then().statusCode(400).body("errors[0].path", equalTo("occurredAt"))
                .body("errors[0].code", equalTo("INVALID_DATE_TIME"))
                .body("errors[0].message", containsString("four digits"));
    }

    /** A publisher of unknown length makes the client send Transfer-Encoding: chunked, with no Content-Length. */
    private HttpResponse<String> chunked(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(decisions).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private double counted(String code, String status) {
        String text = given().when().get(metrics).then().extract().asString();
        String prefix = "guard_request_errors_total{code=\"" + code + "\",status=\"" + status + "\"} ";
        return text.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())))
                .findFirst().orElse(0);
    }
}
