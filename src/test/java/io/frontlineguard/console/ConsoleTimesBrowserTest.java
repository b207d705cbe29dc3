package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every date the console shows — a decision's remembered facts and where they came from, the
 * catalogue's reloads, a caller's record and history, the approvals — reads as the incident's own
 * clock (the browser's, for a service stamp of no incident) to the minute, in both languages: never
 * an ISO stamp, seconds, nanoseconds or a bare UTC "Z".
 */
@QuarkusTest
class ConsoleTimesBrowserTest extends ConsoleInBrowser {

    /** What a time shown raw looks like: an ISO date-time, seconds, a fraction of a second, an offset or Z after a time. */
    private static final Pattern RAW_TIME = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT|\\d\\d:\\d\\d:\\d\\d|\\d\\d:\\d\\d(?:Z|[+-]\\d\\d:?\\d\\d)|\\.\\d{3,}Z");

    @Test
    void shouldShowEveryDateAtTheIncidentsClockToTheMinuteInBothLanguages() {
        String caseId = "case-" + UUID.randomUUID().toString().substring(0, 8);
        String caller = callerWithHistory(caseId);
        String trial = "{\"caseId\":\"" + caseId + "\",\"occurredAt\":\"2026-11-24T10:00:00+09:00\",\"channel\":\"PHONE\","
                + "\"department\":\"shop\",\"caller\":{\"callerId\":\"" + caller + "\"}}";

        given().contentType(ContentType.JSON).body(trial).post("/v1/decisions?record=false").then().statusCode(200)
                .body("remembered.fact", org.hamcrest.Matchers.hasItem("caseHistory.openedAt"));

        for (String[] lang : List.of(new String[] {"ja", "2026年11月23日 21:10"}, new String[] {"en", "2026-11-23 21:10"})) {
            // Signed in as the executive below, the page would send that sign-in with a decision too.
            openTheConsole();
            chooseLanguage(lang[0]);
            String shown = lang[1];

            openPage("try");
            decide(trial);
            wait.until(d -> !d.findElements(By.cssSelector("#answer .handling")).isEmpty()
                    || d.findElement(By.id("problems")).isDisplayed());
            String answer = driver.findElement(By.id("answer")).getText();
            assertTrue(!driver.findElements(By.cssSelector("#answer .remembered")).isEmpty(),
                    lang[0] + ": what memory contributed: " + answer + driver.findElement(By.id("problems")).getText());
            assertTrue(answer.contains(shown), lang[0] + ": the case opened at its first contact's own time: " + answer);
            assertNoRawTime(lang[0] + " decision", answer);

            openPage("rules");
            wait.until(d -> !d.findElement(By.id("ruleset-version")).getText().isEmpty());
            assertNoRawTime(lang[0] + " catalogue", driver.findElement(By.id("rules-summary")).getText()
                    + driver.findElement(By.id("reloads")).getText());

            openPage("callers");
            String key = page.lookUp("officer", caller);
            String record = driver.findElement(By.id("caller")).getText();
            assertTrue(record.contains(shown), lang[0] + ": the contact at its own time: " + record);
            assertTrue(!driver.findElements(By.cssSelector("#history-table tr.change.pending")).isEmpty(),
                    "the erasure waiting, with when it was asked: " + record);
            assertNoRawTime(lang[0] + " caller record", record);

            page.showApprovals("exec", "exec-dev-only");
            page.pendingCard(key);
            wait.until(d -> !d.findElements(By.cssSelector("#recent-approvals tr.decided-approval")).isEmpty());
            assertNoRawTime(lang[0] + " approvals", driver.findElement(By.id("approvals")).getText());
        }
    }

    /**
     * A caller with a contact at 21:10 Tokyo time on the case, blocked by a case officer, a lift an
     * executive rejected and an erasure waiting for approval: every kind of time the pages show.
     */
    private static String callerWithHistory(String caseId) {
        String caller = "tel:03" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"incidentId\":\"CRM-" + caseId + "\",\"caseId\":\"" + caseId + "\","
                + "\"occurredAt\":\"2026-11-23T21:10:00+09:00\",\"channel\":\"PHONE\",\"department\":\"shop\","
                + "\"caller\":{\"callerId\":\"" + caller + "\"}}").post("/v1/decisions").then().statusCode(200);
        as("officer").body("{\"flag\": \"BLOCKED\", \"source\": \"legal\", \"reason\": \"threatening letters\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(200);
        String lift = as("officer").body("{\"reason\": \"settled\"}").post("/v1/callers/" + caller + "/block/lift")
                .then().statusCode(202).extract().path("id");
        as("exec").body("{\"reason\": \"not settled yet\"}").post("/v1/approvals/" + lift + "/reject").then().statusCode(200);
        as("officer").delete("/v1/callers/" + caller + "?reason=asked to be forgotten").then().statusCode(202);
        return caller;
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-dev-only").contentType(ContentType.JSON);
    }

    private static void assertNoRawTime(String where, String text) {
        List<String> raw = new ArrayList<>();
        Matcher m = RAW_TIME.matcher(text);
        while (m.find()) {
            raw.add(text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 10)));
        }
        assertEquals(List.of(), raw, where + ": times shown raw");
    }
}
