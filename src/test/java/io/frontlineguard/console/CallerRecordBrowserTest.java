package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A caller's record as a case officer reads it, in Japanese and in English: each block by its
 * source, the case and its contacts with who asserted them and when, at the incident's own time;
 * a lift of one block or of all, withdrawn by the one who asked or approved by an executive.
 */
@QuarkusTest
class CallerRecordBrowserTest extends ConsoleInBrowser {

    @BeforeEach
    void toTheCallerPage() {
        openPage("callers");
    }

    /** A caller with one contact on a case at 21:10 Tokyo time, blocked by legal and by store-ops. */
    static String callerBlockedTwice(String caseId) {
        String caller = "tel:03" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"incidentId\":\"CRM-" + caseId + "\",\"caseId\":\"" + caseId + "\","
                + "\"occurredAt\":\"2026-11-23T21:10:00+09:00\",\"channel\":\"PHONE\",\"department\":\"shop\","
                + "\"caller\":{\"callerId\":\"" + caller + "\"}}").post("/v1/decisions").then().statusCode(200);
        for (String source : List.of("legal", "store-ops")) {
            given().auth().preemptive().basic("officer", "officer-dev-only").contentType(ContentType.JSON)
                    .body("{\"flag\": \"BLOCKED\", \"source\": \"" + source + "\", \"reason\": \"threatening letters\"}")
                    .post("/v1/callers/" + caller + "/flags").then().statusCode(200);
        }
        return caller;
    }

    @Test
    void shouldShowTheRecordReadablyAndLiftOneBlockWithdrawnByTheOneWhoAsked() {
        String caseId = "case-" + UUID.randomUUID().toString().substring(0, 8);
        String caller = callerBlockedTwice(caseId);
        page.lookUp("officer", caller);
        WebElement record = driver.findElement(By.id("caller"));
        String text = record.getText();
        assertFalse(text.contains("{") || text.contains("\":"), "no raw JSON: " + text);
        assertFalse(text.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), "times to the minute, no seconds or UTC stamps: " + text);
        assertEquals(List.of("legal", "store-ops"), record.findElements(By.cssSelector("#caller-blocked .block")).stream()
                .map(b -> b.getDomAttribute("data-source")).toList(), "each block by its source");
        WebElement kase = record.findElement(By.cssSelector("article.case[data-case='" + caseId + "']"));
        assertTrue(kase.getText().contains("CRM-" + caseId) && kase.getText().contains("shop"), kase.getText());
        assertTrue(kase.getText().contains("2026年11月23日 21:10"), "the contact at the incident's own time: " + kase.getText());
        assertTrue(kase.getText().contains("対応回数"), "the case's facts by their Japanese names: " + kase.getText());
        Browser.screenshot(driver, "caller-record-ja");

        new Select(driver.findElement(By.id("lift-source"))).selectByValue("legal");
        page.fill("lift-reason", "legal settled with him");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("承認を待っています"));
        WebElement pending = driver.findElement(By.cssSelector("#history-table tr.pending"));
        assertTrue(pending.getText().contains("解除するブロック: legal"), "the lift names its block: " + pending.getText());

        pending.findElement(By.cssSelector("button.withdraw")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caller-problems")));
        wait.until(d -> refused.getText().contains("INVALID_REQUEST"));
        assertTrue(refused.getText().contains("理由: 入力してください（必須）"), refused.getText());
        driver.findElement(By.cssSelector("#history-table tr.pending input.withdraw-reason")).sendKeys("asked for the wrong caller");
        driver.findElement(By.cssSelector("#history-table tr.pending button.withdraw")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("申請を取り下げました"));
        wait.until(d -> d.findElements(By.cssSelector("#history-table tr.pending")).isEmpty());
        assertEquals(2, driver.findElements(By.cssSelector("#caller-blocked .block")).size(), "both blocks stay");
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/approvals").then().statusCode(200)
                .body("recent.find { it.reason == 'legal settled with him' }.status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
    }

    @Test
    void shouldLiftEveryBlockInEnglishOnceAnExecutiveApproves() {
        String caseId = "case-" + UUID.randomUUID().toString().substring(0, 8);
        String caller = callerBlockedTwice(caseId);
        chooseLanguage("en");
        String key = page.lookUp("officer", caller);
        WebElement kase = driver.findElement(By.cssSelector("article.case[data-case='" + caseId + "']"));
        assertTrue(kase.getText().contains("2026-11-23 21:10") && kase.getText().contains("Contacts"), kase.getText());
        assertEquals("", new Select(driver.findElement(By.id("lift-source"))).getFirstSelectedOption().getDomAttribute("value"),
                "every block unless one is chosen");
        page.fill("lift-reason", "settled in court");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("waits for another person"));

        page.showApprovals("exec", "exec-dev-only");
        WebElement card = page.pendingCard(key);
        assertEquals(List.of("legal", "store-ops"), card.findElements(By.cssSelector(".approval-blocks li")).stream()
                .map(WebElement::getText).toList(), "the executive sees which blocks the lift lifts");
        assertTrue(card.findElements(By.cssSelector("button.withdraw")).isEmpty(), "only the one who asked may withdraw");
        card.findElement(By.cssSelector("button.approve")).click();
        wait.until(d -> d.findElement(By.id("approval-result")).getText().contains("Approved and carried out"));
        Browser.screenshot(driver, "caller-lift-all-en");

        page.lookUp("officer", caller);
        wait.until(d -> "none".equals(d.findElement(By.id("caller-blocked")).getText()));
        assertTrue(driver.findElement(By.id("send-lift")).getDomAttribute("hidden") != null, "nothing left to lift, no button to ask");
        assertEquals("This caller is not blocked, so there is nothing to lift.", driver.findElement(By.id("lift-nothing")).getText());
    }
}
