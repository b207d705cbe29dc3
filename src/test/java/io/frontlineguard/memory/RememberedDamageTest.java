package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.decide;
import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The loss our own investigation attributes to a complaint ({@code caseHistory.damageJpy}) is a
 * fact of the case: a later contact on the case that does not repeat it is still weighed against it,
 * or a ¥5,000,000 demand made to another department would go unweighed.
 */
@QuarkusTest
class RememberedDamageTest {

    private static final String INVESTIGATED = "\"companyFault\": \"CONFIRMED\", \"investigationComplete\": true";

    private static String contact(String caseId, String department, String history, String demands) {
        return incident(fresh("DMG"), department, "\"caseId\": \"" + caseId + "\", \"caseHistory\": {" + history + "}"
                + (demands.isEmpty() ? "" : ", \"demands\": [" + demands + "]"));
    }

    private static String money(long amount) {
        return "{\"type\": \"MONETARY_COMPENSATION\", \"amountJpy\": " + amount + "}";
    }

    @Test
    void shouldRefuseADisproportionateDemandOnALaterContactThatDoesNotRepeatTheLoss() {
        String caseId = fresh("case");
        decide(contact(caseId, "call-center", INVESTIGATED + ", \"damageJpy\": 10000", "")).statusCode(200)
                .body("memory", equalTo("RECORDED"));

        decide(contact(caseId, "hq-consultation", "", money(5_000_000))).statusCode(200)
                .body("actions.find { it.code == 'REFUSE_REQUEST' }.params.demand", equalTo("MONETARY_COMPENSATION"),
                        "assessment.demandJustified.value", equalTo("NO"),
                        "assessment.types.type", hasItem("EXCESSIVE_DEMAND"),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.value", equalTo(10000),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.department", equalTo("call-center"),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.assertedBy", equalTo("anonymous"),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.receivedAt", notNullValue());
    }

    @Test
    void shouldWeighAgainstTheLatestLossAsserted() {
        String caseId = fresh("case");
        decide(contact(caseId, "call-center", INVESTIGATED + ", \"damageJpy\": 10000", "")).statusCode(200);
        // The investigation found more: a later finding replaces the earlier one, as company fault does.
        decide(contact(caseId, "quality", INVESTIGATED + ", \"damageJpy\": 2000000", "")).statusCode(200);

        decide(contact(caseId, "hq-consultation", "", money(5_000_000))).statusCode(200)
                .body("actions.code", not(hasItem("REFUSE_REQUEST")),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.value", equalTo(2_000_000),
                        "remembered.find { it.fact == 'caseHistory.damageJpy' }.department", equalTo("quality"));
    }

    @Test
    void shouldLetTheIncidentsOwnLossWinOverTheRememberedOne() {
        String caseId = fresh("case");
        decide(contact(caseId, "call-center", INVESTIGATED + ", \"damageJpy\": 10000", "")).statusCode(200);

        decide(contact(caseId, "hq-consultation", INVESTIGATED + ", \"damageJpy\": 5000000", money(5_000_000)))
                .statusCode(200)
                .body("actions.code", not(hasItem("REFUSE_REQUEST")),
                        "remembered.fact", not(hasItem("caseHistory.damageJpy")));
    }
}
