package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything the service says while it decides with memory, serves case officers and refuses bad
 * requests (log lines at every level, the decision log, problem documents) names no caller and no
 * employee, neither as sent nor normalised.
 */
@QuarkusTest
class NoPersonalIdInLogsTest {

    private final StringBuffer said = new StringBuffer();
    private final List<String> bodies = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            said.append(r.getLoggerName()).append(' ')
                    .append(r instanceof ExtLogRecord e ? e.getFormattedMessage() : new java.util.logging.SimpleFormatter().formatMessage(r))
                    .append('\n');
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                said.append(trace).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        before = Logger.getLogger("io.frontlineguard").getLevel();
        Logger.getLogger("io.frontlineguard").setLevel(Level.FINEST);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("io.frontlineguard").setLevel(before);
    }

    /** Problems are kept to search; a decision names the employees it protects, for the system that asked. */
    private ValidatableResponse kept(io.restassured.response.Response r) {
        if (r.statusCode() >= 400) {
            bodies.add(r.asString());
        }
        return r.then();
    }

    private static String incident(String incidentId, String department, String fields) {
        return "{\"incidentId\": \"" + incidentId + "\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"department\": \"" + department + "\", " + fields + "}";
    }

    private ValidatableResponse decide(String body) {
        return kept(given().contentType(ContentType.JSON).body(body).post("/v1/decisions"));
    }

    private static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "officer-dev-only");
    }

    @Test
    void shouldNameNobodyInLogsOrProblemsWhileDecidingAndServingCaseOfficers() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String a = String.valueOf(n).substring(0, 4);
        String b = String.valueOf(n).substring(4);
        String caller = "+81 90 " + a + " " + b;
        String path = "/v1/callers/090-" + a + "-" + b;
        String employee = "emp-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        String people = "\"caseId\": \"" + caseId + "\", \"caller\": {\"callerId\": \"" + caller + "\"},"
                + " \"handler\": {\"employeeId\": \"" + employee + "\", \"targetOfAnger\": true},"
                + " \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"" + employee + "\"}]";
        String incidentId = "LOG-" + UUID.randomUUID();

        decide(incident(incidentId, "call-center", people + ", \"conduct\": [\"THREAT\"]")).statusCode(200);
        decide(incident(incidentId, "call-center", people + ", \"conduct\": [\"THREAT\"]")).statusCode(200);
        decide(incident(incidentId, "sales", people)).statusCode(409);
        String last = decide(incident("LOG-" + UUID.randomUUID(), "sales", people)).statusCode(200).extract().path("decisionId");
        kept(given().contentType(ContentType.JSON).queryParam("record", "false")
                .body(incident("LOG-" + UUID.randomUUID(), "sales", people)).post("/v1/decisions")).statusCode(200);
        kept(given().contentType(ContentType.JSON).body("{\"incidents\": [" + incident("LOG-" + UUID.randomUUID(), "sales", people)
                + ", " + incident("LOG-" + UUID.randomUUID(), "sales", people + ", \"conduct\": [\"SHOUTING\"]") + "]}")
                .post("/v1/decisions:batch")).statusCode(200);
        decide(incident("LOG-" + UUID.randomUUID(), "sales", people + ", \"conduct\": [\"SHOUTING\"]")).statusCode(400);
        decide(incident("LOG-" + UUID.randomUUID(), "sales", people + ", \"polceInvolvement\": \"ARRESTED\"")).statusCode(400);
        decide(incident("LOG-" + UUID.randomUUID(), "sales", "\"caller\": {\"callerId\": \"" + caller + "x".repeat(130)
                + "\"}")).statusCode(400);
        decide(incident("LOG-" + UUID.randomUUID(), "sales", "\"handler\": {\"employeeId\": \"" + employee + "\\u0000\"}"))
                .statusCode(400);

        kept(officer().get(path)).statusCode(200);
        kept(officer().contentType(ContentType.JSON).body("{\"flag\": \"BLOCKED\", \"source\": \"legal\", \"reason\": \"letter\"}")
                .post(path + "/flags")).statusCode(200);
        kept(officer().contentType(ContentType.JSON).body("{\"flag\": \"BLOCKED\"}").post(path + "/flags")).statusCode(400);
        kept(officer().contentType(ContentType.JSON).body("{\"reason\": \"settled\", \"approval\": {\"role\": \"MANAGER\","
                + " \"approvedBy\": \"" + employee + "\"}}").post(path + "/block/lift")).statusCode(400);
        String lift = kept(officer().contentType(ContentType.JSON).body("{\"reason\": \"settled\"}").post(path + "/block/lift"))
                .statusCode(202).extract().path("id");
        kept(given().auth().preemptive().basic("officer", "officer-dev-only").post("/v1/approvals/" + lift + "/approve"))
                .statusCode(403);
        kept(given().auth().preemptive().basic("exec", "exec-dev-only").post("/v1/approvals/" + lift + "/approve"))
                .statusCode(200);
        kept(officer().contentType(ContentType.JSON).body("{\"reason\": \"again\"}").post(path + "/block/lift")).statusCode(400);
        kept(officer().delete(path)).statusCode(400);
        kept(officer().queryParam("reason", "data-protection request").delete(path)).statusCode(200);
        kept(officer().get(path)).statusCode(404);
        kept(officer().queryParam("reason", "again").delete(path)).statusCode(404);
        kept(given().get(path)).statusCode(401);
        kept(given().auth().preemptive().basic("clerk", "clerk-dev-only").get(path)).statusCode(403);

        officer().get("/v1/decisions/" + last).then().statusCode(200); // waits until the log has written it
        Path decisionLog = Path.of("target/decisions-test.jsonl");
        String logged = Files.exists(decisionLog) ? Files.readString(decisionLog, StandardCharsets.UTF_8) : "";
        assertTrue(logged.contains(caseId), "the decision log does not hold even this test's case: the search saw nothing");
        assertTrue(said.toString().contains("case memory"), "no log line of case memory was captured: the search saw nothing");
        List<String> needles = List.of(a + " " + b, a + "-" + b, "90" + a + b, employee, employee.substring(4));
        for (String needle : needles) {
            assertFalse(said.toString().contains(needle), () -> "a log line names a person (" + needle + "):\n"
                    + said.toString().lines().filter(l -> l.contains(needle)).limit(5).reduce("", (x, y) -> x + y + "\n"));
            assertFalse(logged.contains(needle), () -> "the decision log names a person (" + needle + ")");
            for (String body : bodies) {
                assertFalse(body.contains(needle), () -> "an answer names a person (" + needle + "): " + body);
            }
        }
    }
}
