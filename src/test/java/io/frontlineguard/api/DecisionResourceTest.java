package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The decision endpoint as clients see it. {@code DecisionResourceIT} reruns these on the packaged jar. */
@QuarkusTest
class DecisionResourceTest {

    static final String COME_NOW = """
            {"incidentId": "CRM-1", "occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE",
             "department": "call-center", "demands": [{"type": "VISIT", "immediate": true, "place": "PUBLIC_PLACE"}]}
            """;

    static final String ARRESTED_AT_HEAD_OFFICE = """
            {"incidentId": "HQ-7", "occurredAt": "2026-06-10T11:00:00+09:00", "channel": "PHONE",
             "department": "hq-consultation",
             "caller": {"callerId": "tel:0312345678", "policeInvolvement": "ARRESTED", "blocked": true,
                        "flaggedByDepartment": "call-center"},
             "demands": [{"type": "MEETING_AT_HEADQUARTERS"}, {"type": "RESUME_SERVICE"}]}
            """;

    static final String KEY_CLIENT_LATE_REPORT = """
            {"incidentId": "SALES-3", "occurredAt": "2026-11-20T17:30:00+09:00", "channel": "EMAIL",
             "department": "sales",
             "caller": {"kind": "BUSINESS_CLIENT", "keyAccount": true, "relationshipYears": 12},
             "caseHistory": {"companyFault": "CONFIRMED", "investigationComplete": true, "severity": "HIGH"},
             "demands": [{"type": "RECURRENCE_PREVENTION"}]}
            """;

    private static JsonPath decide(String body, String language) {
        return given().contentType(ContentType.JSON).header("Accept-Language", language).body(body)
                .when().post("/v1/decisions")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void shouldRefuseVisitWhenNoReason() {
        given().contentType(ContentType.JSON).body(COME_NOW)
                .when().post("/v1/decisions")
                .then().statusCode(200)
                .body("incidentId", equalTo("CRM-1"))
                .body("decisionId", notNullValue())
                .body("rulesetVersion", matchesPattern("sha256:[0-9a-f]{16}"))
                .body("actions.code", hasItems("REFUSE_VISIT", "REQUIRE_TWO_PERSON_ATTENDANCE"))
                .body("actions.code", not(hasItem("ALLOW_VISIT")))
                .body("actions.find { it.code == 'REFUSE_VISIT' }.lessons", hasItem("L004-1"))
                .body("actions.find { it.code == 'REFUSE_VISIT' }.rules",
                        hasItem("Refuse a visit when the caller gives no reason"))
                .body("overridden.find { it.code == 'POSTPONE_VISIT' }.replacedBy.code", equalTo("REFUSE_VISIT"));
    }

    @Test
    void shouldBlockAndEscalateTheArrestedCallerReachingHeadOffice() {
        JsonPath d = decide(ARRESTED_AT_HEAD_OFFICE, "en");
        assertEquals("EXECUTIVE", d.getString("actions.find { it.code == 'ESCALATE' }.params.to"));
        assertEquals(java.util.List.of("MEETING_AT_HEADQUARTERS", "RESUME_SERVICE"),
                d.getList("actions.findAll { it.code == 'REFUSE_REQUEST' }.params.demand"));
        for (String code : new String[] {"BLOCK_CALLER", "NO_APOLOGY", "SHARE_FLAG_COMPANYWIDE", "EMPLOYEE_CARE"}) {
            assertEquals(1, d.getList("actions.findAll { it.code == '" + code + "' }").size(), code);
        }
        assertEquals(0, d.getList("actions.findAll { it.code == 'APOLOGIZE_FOR_INCONVENIENCE' }").size());
    }

    @Test
    void shouldHaveTheSupervisorApologiseToTheKeyClientWithinADay() {
        JsonPath d = decide(KEY_CLIENT_LATE_REPORT, "en");
        assertEquals("SUPERVISOR", d.getString("actions.find { it.code == 'ESCALATE' }.params.to"));
        assertEquals("SUPERVISOR", d.getString("actions.find { it.code == 'SENIOR_APOLOGY' }.params.role"));
        assertEquals(24, d.getInt("actions.find { it.code == 'RESPOND_WITHIN' }.params.hours"));
        assertEquals(java.util.List.of("IN_PERSON", "PHONE"),
                d.getList("actions.find { it.code == 'ANSWER_CHANNEL' }.params.allowed"));
        assertEquals(1, d.getList("actions.findAll { it.code == 'PRESENT_RECURRENCE_PREVENTION_PLAN' }").size());
    }

    @Test
    void shouldJudgeTheKeyClientsCalmComplaintJustifiedAndNotHarassment() {
        JsonPath d = decide(KEY_CLIENT_LATE_REPORT, "en");
        assertEquals("NO", d.getString("assessment.harassment.value"));
        assertEquals(java.util.List.of(), d.getList("assessment.harassment.rules"));
        assertEquals("YES", d.getString("assessment.demandJustified.value"));
        assertEquals(java.util.List.of("Judge the demand justified when our fault is confirmed"),
                d.getList("assessment.demandJustified.rules"));
        assertEquals(java.util.List.of("LG-1"), d.getList("assessment.demandJustified.lessons"));
        assertEquals("YES", d.getString("assessment.meansAcceptable.value"));
        assertEquals(java.util.List.of(), d.getList("assessment.types"));
    }

    @Test
    void shouldFindHarassmentAndNameItsTypeWhenTheSameClientDemandsKneeling() {
        String kneeling = KEY_CLIENT_LATE_REPORT.replace("\"incidentId\": \"SALES-3\"", "\"incidentId\": \"SALES-4\"")
                .replace("[{\"type\": \"RECURRENCE_PREVENTION\"}]", "[{\"type\": \"KNEELING_APOLOGY\"}]");
        JsonPath d = decide(kneeling, "ja");
        assertEquals("YES", d.getString("assessment.harassment.value"));
        assertEquals("NO", d.getString("assessment.meansAcceptable.value"));
        assertEquals(java.util.List.of("KNEELING_APOLOGY"), d.getList("assessment.types.type"));
        assertEquals(java.util.List.of("Refuse a demand to kneel in apology"), d.getList("assessment.types[0].rules"));
        assertEquals("KNEELING_APOLOGY", d.getString("actions.find { it.code == 'REFUSE_REQUEST' }.params.demand"));
        org.hamcrest.MatcherAssert.assertThat(d.getString("actions.find { it.code == 'REFUSE_REQUEST' }.reason"),
                containsString("土下座"));
        assertEquals("SUPERVISOR", d.getString("actions.find { it.code == 'SENIOR_APOLOGY' }.params.role"));
    }

    @Test
    void shouldRefuseAnUnknownConductOfTheGuidanceMisspelt() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "store",
                         "conduct": ["SITING_IN"], "contactMinutes": -1}
                        """)
                .when().post("/v1/decisions")
                .then().statusCode(400)
                .body("errors.path", hasItems("conduct[0]", "contactMinutes"));
    }

    @Test
    void shouldExplainInJapaneseWhenAskedFor() {
        given().contentType(ContentType.JSON).header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5").body(COME_NOW)
                .when().post("/v1/decisions")
                .then().statusCode(200)
                .body("language", equalTo("ja"))
                .body("actions.find { it.code == 'REFUSE_VISIT' }.reason", containsString("訪問"));
    }

    @Test
    void shouldExplainInEnglishByDefault() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr").body(COME_NOW)
                .when().post("/v1/decisions")
                .then().statusCode(200)
                .body("language", equalTo("en"))
                .body("actions.find { it.code == 'REFUSE_VISIT' }.reason", containsString("no reason"));
    }

    @Test
    void shouldDecideTheSameWayTwiceWithADifferentDecisionId() {
        JsonPath first = decide(ARRESTED_AT_HEAD_OFFICE, "en");
        JsonPath second = decide(ARRESTED_AT_HEAD_OFFICE, "en");
        assertEquals(first.getList("actions"), second.getList("actions"));
        assertEquals(first.getList("overridden"), second.getList("overridden"));
        assertEquals(first.getString("rulesetVersion"), second.getString("rulesetVersion"));
        assertNotEquals(first.getString("decisionId"), second.getString("decisionId"));
    }

    @Test
    void shouldRejectAMisspeltFieldNamingItsPath() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                         "caller": {"polceInvolvement": "ARRESTED"}}""")
                .when().post("/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_INCIDENT"))
                .body("errors.path", hasItem("caller.polceInvolvement"))
                .body("errors.find { it.path == 'caller.polceInvolvement' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.find { it.path == 'caller.polceInvolvement' }.allowed", hasItem("policeInvolvement"));
    }

    /**
     * A tester's case (issue 29): null counts as absent for the contract's fields, and a misspelt field whose
     * value is null was dropped with them, silently. A name the contract does not have is refused whatever its
     * value, at the top, in a nested object and in a demand, while a known field's null still reads as absent.
     */
    @Test
    void shouldRejectAnUnknownFieldWhoseValueIsNullAtAnyDepth() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                         "incidentId": null, "severity": null,
                         "caller": {"polceInvolvement": null, "warnedBefore": null},
                         "demands": [{"type": "VISIT", "reasonGiven": null, "reason": null}, {"type": null, "amount": null}]}""")
                .when().post("/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_INCIDENT"))
                .body("errors.path", hasItems("severity", "caller.polceInvolvement", "demands[0].reason", "demands[1].amount"))
                .body("errors.find { it.path == 'severity' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.find { it.path == 'caller.polceInvolvement' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.find { it.path == 'caller.polceInvolvement' }.allowed", hasItem("policeInvolvement"))
                .body("errors.find { it.path == 'demands[0].reason' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.find { it.path == 'demands[1].amount' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.path", not(hasItem("incidentId")))
                .body("errors.path", not(hasItem("caller.warnedBefore")))
                .body("errors.path", not(hasItem("demands[0].reasonGiven")));
    }

    @Test
    void shouldStillReadANullKnownFieldAsAbsent() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                         "incidentId": null, "caller": {"warnedBefore": null}, "caseHistory": null,
                         "demands": [{"type": "VISIT", "reasonGiven": null}]}""")
                .when().post("/v1/decisions?record=false")
                .then().statusCode(200);
    }

    @Test
    void shouldListEveryOffendingFieldAtOnce() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"channel": "FAX", "caller": {"relationshipYears": -1, "blocked": "yes"},
                         "caseHistory": {"contactCount": 0}, "demands": [{"type": "VISIT", "amountJpy": 5}]}""")
                .when().post("/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.path", hasItems("occurredAt", "department", "channel", "caller.relationshipYears",
                        "caller.blocked", "caseHistory.contactCount", "demands[0].amountJpy"))
                .body("errors.find { it.path == 'channel' }.code", equalTo("UNKNOWN_ENUM_VALUE"))
                .body("errors.find { it.path == 'channel' }.allowed", hasItems("PHONE", "SNS"))
                .body("errors.find { it.path == 'occurredAt' }.code", equalTo("MISSING_FIELD"));
    }

    @Test
    void shouldRejectADateTimeWithoutOffset() {
        given().contentType(ContentType.JSON)
                .body("{\"occurredAt\": \"2026-11-23T10:00:00\", \"channel\": \"PHONE\", \"department\": \"x\"}")
                .when().post("/v1/decisions")
                .then().statusCode(400)
                .body("errors.find { it.path == 'occurredAt' }.code", equalTo("INVALID_DATE_TIME"));
    }

    @Test
    void shouldRejectMalformedJsonWithoutLeakingInternals() {
        given().contentType(ContentType.JSON).body("{\"occurredAt\": ")
                .when().post("/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("MALFORMED_JSON"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        String padding = "x".repeat(300 * 1024);
        given().contentType(ContentType.JSON)
                .body("{\"incidentId\": \"" + padding + "\"}")
                .when().post("/v1/decisions")
                .then().statusCode(413)
                .body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void shouldRefuseAWrongContentType() {
        given().contentType(ContentType.TEXT).body(COME_NOW)
                .when().post("/v1/decisions")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().when().get("/v1/nothing-here")
                .then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldBeReadyWithTheActiveRulesetVersion() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.rulesetVersion", matchesPattern("sha256:[0-9a-f]{16}"));
    }

    @Test
    void shouldDescribeTheDecisionEndpointInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/decisions'.post.requestBody.content.'application/json'.schema.'$ref'",
                        containsString("Incident"))
                .body("components.schemas.Incident.required", hasItems("occurredAt", "channel", "department"))
                .body("components.schemas.Decision.example.actions.code", everyItem(notNullValue()));
    }
}
