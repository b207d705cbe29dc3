package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the contact is handled, as clients see it (issue 29): {@code assessment.handling} comes first,
 * with the rules and lessons behind it, and money demanded is weighed against the loss at stake
 * that the request's {@code caseHistory.damageJpy} gives, which is validated like every field.
 */
@QuarkusTest
class HandlingResourceTest {

    private static final String CALM_ARRESTED_CALLER = """
            {"incidentId": "HQ-8", "occurredAt": "2026-06-10T11:00:00+09:00", "channel": "PHONE",
             "department": "hq-consultation", "caller": {"policeInvolvement": "ARRESTED"},
             "demands": [{"type": "RESUME_SERVICE"}]}
            """;

    private static String refund(String damage, long amount) {
        return """
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                 "caseHistory": {"companyFault": "CONFIRMED", "investigationComplete": true, "damageJpy": %s},
                 "demands": [{"type": "MONETARY_COMPENSATION", "amountJpy": %d}]}
                """.formatted(damage, amount);
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/decisions?record=false");
    }

    @Test
    void shouldStateThePoliceHandlingOfACalmCallerThePoliceActedAgainstBeforeTheActions() {
        String raw = post(CALM_ARRESTED_CALLER).then().statusCode(200).extract().asString();
        JsonPath d = JsonPath.from(raw);
        assertEquals("POLICE", d.getString("assessment.handling.value"));
        assertEquals(List.of("Handle a caller the police have acted against as a matter for the police"),
                d.getList("assessment.handling.rules"));
        assertEquals(List.of("L000-1", "LG-14"), d.getList("assessment.handling.lessons"));
        assertEquals("NO", d.getString("assessment.harassment.value"), "this contact itself is calm");
        assertTrue(raw.indexOf("\"handling\"") < raw.indexOf("\"actions\""), "the handling comes before the actions: " + raw);
    }

    @Test
    void shouldRefuseMoneyOnlyAboveThreeTimesTheLossAtStake() {
        JsonPath proportionate = post(refund("10000", 30_000)).then().statusCode(200).extract().jsonPath();
        assertFalse(proportionate.getList("actions.code").contains("REFUSE_REQUEST"), proportionate.prettify());
        assertEquals("COMPLAINT", proportionate.getString("assessment.handling.value"));

        JsonPath beyond = post(refund("10000", 30_001)).then().statusCode(200).extract().jsonPath();
        assertEquals("MONETARY_COMPENSATION", beyond.getString("actions.find { it.code == 'REFUSE_REQUEST' }.params.demand"));
        assertEquals("NO", beyond.getString("assessment.demandJustified.value"));
        assertEquals("COMPLAINT", beyond.getString("assessment.handling.value"), "asked politely, not yet harassment");
    }

    @Test
    void shouldHandleAGrosslyExcessiveDemandAsHarassmentThoughPolite() {
        JsonPath d = post(refund("3000", 500_000)).then().statusCode(200).extract().jsonPath();
        assertEquals("HARASSMENT", d.getString("assessment.handling.value"));
        assertEquals(List.of("EXCESSIVE_DEMAND"), d.getList("assessment.types.type"));
        assertTrue(d.getList("actions.code").contains("RECORD_EVIDENCE"));
    }

    /**
     * A tester's case (issue 29): damageJpy 0 (our investigation attributes no loss) made any sum
     * "excessive", a polite ¥1,000 harassment. The loss is weighed as at least lossFloorJpy (¥5,000).
     */
    @Test
    void shouldWeighMoneyAgainstTheLossFloorWhenTheLossIsNothing() {
        JsonPath token = post(refund("0", 15_000)).then().statusCode(200).extract().jsonPath();
        assertFalse(token.getList("actions.code").contains("REFUSE_REQUEST"), token.prettify());
        assertEquals("COMPLAINT", token.getString("assessment.handling.value"));
        assertEquals("NO", token.getString("assessment.harassment.value"));

        JsonPath beyond = post(refund("0", 15_001)).then().statusCode(200).extract().jsonPath();
        assertEquals("MONETARY_COMPENSATION", beyond.getString("actions.find { it.code == 'REFUSE_REQUEST' }.params.demand"));
        assertEquals("COMPLAINT", beyond.getString("assessment.handling.value"), "asked politely, not yet harassment");

        JsonPath gross = post(refund("0", 50_001)).then().statusCode(200).extract().jsonPath();
        assertEquals("HARASSMENT", gross.getString("assessment.handling.value"));
        assertEquals(List.of("EXCESSIVE_DEMAND"), gross.getList("assessment.types.type"));
    }

    @Test
    void shouldNotWeighMoneyWithoutTheLossAtStake() {
        String noDamage = refund("0", 500_000).replace(", \"damageJpy\": 0", "");
        JsonPath d = post(noDamage).then().statusCode(200).extract().jsonPath();
        assertFalse(d.getList("actions.code").contains("REFUSE_REQUEST"), d.prettify());
    }

    @Test
    void shouldRejectANegativeLossNamingItsPath() {
        post(refund("-1", 100)).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_INCIDENT"))
                .body("errors.path", hasItem("caseHistory.damageJpy"));
    }

    @Test
    void shouldRejectALossGivenAsTextNamingItsPath() {
        post(refund("\"10000\"", 100)).then().statusCode(400)
                .body("code", equalTo("INVALID_INCIDENT"))
                .body("errors.path", hasItem("caseHistory.damageJpy"));
    }
}
