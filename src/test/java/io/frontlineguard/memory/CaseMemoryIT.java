package io.frontlineguard.memory;

import static io.frontlineguard.memory.CaseMemoryContract.decide;
import static io.frontlineguard.memory.CaseMemoryContract.fresh;
import static io.frontlineguard.memory.CaseMemoryContract.incident;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.frontlineguard.security.PackagedCallingSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Case memory in the packaged jar as the README starts it: the production profile, the embedded
 * store created and migrated from the jar's own migrations, and a key generated beside its files.
 */
@QuarkusIntegrationTest
class CaseMemoryIT {

    @BeforeAll
    static void signIn() {
        PackagedCallingSystem.signIn();
    }

    @AfterAll
    static void signOut() {
        PackagedCallingSystem.signOut();
    }

    @Test
    void shouldGiveHeadOfficeTheCallCentresBlockFromThePackagedService() {
        String caller = "\"caller\": {\"callerId\": \"" + fresh("caller") + "\"";
        decide(incident(fresh("CC"), "call-center", caller + ", \"policeInvolvement\": \"ARRESTED\"}")).statusCode(200)
                .body("memory", equalTo("RECORDED"));
        decide(incident(fresh("HQ"), "hq-consultation", caller + "}, \"demands\": [{\"type\": \"RESUME_SERVICE\"}]"))
                .statusCode(200).body("actions.code", hasItems("BLOCK_CALLER", "NO_APOLOGY", "REFUSE_REQUEST"),
                        "actions.code", not(hasItem("APOLOGIZE_FOR_INCONVENIENCE")), "remembered.fact", hasItem("caller.blocked"));
    }

    @Test
    void shouldAnswerARetryAlikeFromThePackagedService() {
        String body = incident(fresh("R"), "call-center", "\"caseId\": \"" + fresh("case") + "\"");
        decide(body).statusCode(200).body("memory", equalTo("RECORDED"));
        decide(body).statusCode(200).body("memory", equalTo("RETRY"));
    }
}
