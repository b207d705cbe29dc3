package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The caller page as case officers and executives use it: a lift or an erasure asked for by one
 * person and approved by another in the browser, refusals said accurately, the history readable.
 */
@QuarkusTest
class CallerApprovalBrowserTest extends ConsoleInBrowser {

    @BeforeEach
    void toTheCallerPage() {
        openPage("callers");
    }

    static String blockedCaller() {
        String caller = "tel:03" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("officer", "officer-dev-only").contentType(ContentType.JSON)
                .body("{\"flag\": \"BLOCKED\", \"source\": \"legal\", \"reason\": \"threatening letters\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(200);
        return caller;
    }

    @Test
    void shouldLiftABlockOnceAnExecutiveApprovesItInTheConsole() {
        String caller = blockedCaller();
        String key = page.lookUp("officer", caller);
        wait.until(d -> d.findElement(By.id("caller-blocked")).getText().startsWith("legal"));
        page.fill("lift-reason", "apology accepted in writing");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("承認を待っています"));
        WebElement pending = driver.findElement(By.cssSelector("#history-table tr.pending"));
        assertTrue(pending.getText().contains("officer") && pending.getText().contains("apology accepted in writing"), pending.getText());
        assertTrue(driver.findElement(By.id("caller-blocked")).getText().startsWith("legal"), "still blocked until approved");

        page.showApprovals("exec", "exec-dev-only");
        WebElement card = page.pendingCard(key);
        assertTrue(card.getText().contains("officer") && card.getText().contains("apology accepted in writing"), card.getText());
        card.findElement(By.cssSelector("button.show-caller")).click();
        WebElement summary = wait.until(d -> card.findElement(By.cssSelector(".summary-blocked")));
        assertTrue(summary.getText().startsWith("legal"), "the executive sees who blocked: " + summary.getText());
        assertTrue(card.getText().contains("threatening letters"), "and why, in the history: " + card.getText());
        driver.manage().window().setSize(new Dimension(390, 900));
        long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "the approvals are " + overflow + " px wider than the screen");
        Browser.screenshot(driver, "approvals-pending-narrow");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        card.findElement(By.cssSelector("button.approve")).click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-result")));
        wait.until(d -> done.getText().contains("承認し、実行しました"));
        assertTrue(done.getText().contains("officer") && done.getText().contains("exec"), done.getText());
        assertTrue(driver.findElements(By.cssSelector("article.approval[data-subject='" + key + "']")).isEmpty(), "no longer pending");

        page.lookUp("officer", caller);
        wait.until(d -> "なし".equals(d.findElement(By.id("caller-blocked")).getText()));
        WebElement lifted = driver.findElement(By.cssSelector("#history-table tr[data-change='LIFT_BLOCK']"));
        assertTrue(lifted.getText().contains("ブロック解除"), lifted.getText());
        assertTrue(lifted.getText().contains("officer") && lifted.getText().contains("exec")
                && lifted.getText().contains("apology accepted in writing"), "who asked, who approved, why: " + lifted.getText());
        Browser.screenshot(driver, "caller-lift-approved");

        chooseLanguage("en");
        WebElement english = driver.findElement(By.cssSelector("#history-table tr[data-change='LIFT_BLOCK']"));
        assertTrue(english.getText().contains("Block lifted"), english.getText());
        assertEquals(List.of("At", "Who", "What", "Reason", "Approved by"), driver.findElements(By.cssSelector("#history-table th"))
                .stream().map(WebElement::getText).toList());
    }

    @Test
    void shouldTitleRequestsStillPendingAsRequestsAndShowAWithdrawalsReasonUnderAColumnThatFitsIt() {
        String lifted = blockedCaller();
        String liftKey = page.lookUp("officer", lifted);
        page.fill("lift-reason", "apology accepted");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("承認を待っています"));
        String erased = blockedCaller();
        String eraseKey = page.lookUp("officer", erased);
        page.fill("erase-reason", "data-protection request DP-79");
        driver.findElement(By.id("send-erase")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("消去を申請しました"));
        page.showApprovals("officer", "officer-dev-only");
        page.pendingCard(liftKey);

        chooseLanguage("en");
        // Nothing is erased or lifted yet: the titles say what was asked for.
        assertEquals("Erasure requested", page.pendingCard(eraseKey).findElement(By.tagName("h4")).getText());
        assertEquals("Lift requested", page.pendingCard(liftKey).findElement(By.tagName("h4")).getText());
        String pendingRow = driver.findElement(By.cssSelector("#history-table tr.pending")).getText();
        assertTrue(pendingRow.contains("Erasure requested (pending)") && !pendingRow.contains("Erased"), pendingRow);

        WebElement card = page.pendingCard(liftKey);
        card.findElement(By.cssSelector("input.withdraw-reason")).sendKeys("asked for the wrong caller");
        card.findElement(By.cssSelector("button.withdraw")).click();
        // The recent list is drawn again when the approvals reload, so rows and headers are read afresh
        // until they hold what is expected (a row found before a redraw goes stale).
        String withdrawn = readAfresh("#recent-approvals tr.decided-approval[data-approval-id]",
                text -> text.contains("asked for the wrong caller") && text.contains("withdrawn"));
        assertTrue(withdrawn.contains("asked for the wrong caller"), withdrawn);
        assertEquals("Reason for rejecting or withdrawing",
                readAfresh("#recent-approvals th:last-child", "Reason for rejecting or withdrawing"::equals));
        chooseLanguage("ja");
        assertEquals("却下・取り下げの理由", readAfresh("#recent-approvals th:last-child", "却下・取り下げの理由"::equals));
    }

    private String readAfresh(String css, java.util.function.Predicate<String> expected) {
        String[] last = {""};
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                last[0] = d.findElement(By.cssSelector(css)).getText();
                return expected.test(last[0]) ? last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return last[0];
        }
    }

    @Test
    void shouldRefuseASelfApprovalAndAnApprovalWithoutTheRoleWithAccurateMessages() {
        String caller = blockedCaller();
        String key = page.lookUp("chief", caller);
        page.fill("lift-reason", "settled in court");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("承認を待っています"));

        driver.findElement(By.id("load-approvals")).click();
        page.pendingCard(key).findElement(By.cssSelector("button.approve")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-problems")));
        wait.until(d -> refused.getText().contains("SELF_APPROVAL"));
        assertTrue(refused.getText().startsWith("ご自身の申請は承認も却下もできません。ロール executive を持つ別の人が判断します。"
                + "申請を取り下げることはできます。 403 SELF_APPROVAL"), refused.getText());
        assertEquals(1, refused.getText().lines().count(), "the refusal and nothing under it (no stray none or null): "
                + refused.getText());
        Browser.screenshot(driver, "approval-self-refused");

        page.showApprovals("officer", "officer-dev-only");
        page.pendingCard(key).findElement(By.cssSelector("button.approve")).click();
        wait.until(d -> refused.getText().contains("EXECUTIVE_APPROVAL_REQUIRED"));
        assertTrue(refused.getText().startsWith("承認・却下できるのはロール executive を持つ利用者だけです。"), refused.getText());
        assertFalse(refused.getText().contains("case-officer または admin"), "not the caller endpoints' advice: " + refused.getText());
        assertEquals(1, refused.getText().lines().count(), refused.getText());

        page.showApprovals("clerk", "clerk-dev-only");
        wait.until(d -> refused.getText().contains("403 FORBIDDEN"));
        assertTrue(refused.getText().contains("case-officer、executive、admin"), refused.getText());
        assertEquals(1, refused.getText().lines().count(), refused.getText());

        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then()
                .body("blocked.department", equalTo("legal"));
    }

    @Test
    void shouldRejectWithAReasonAndSayWhatIsMissingWithoutOne() {
        String caller = blockedCaller();
        String key = page.lookUp("officer", caller);
        page.fill("lift-reason", "he says he is sorry");
        driver.findElement(By.id("send-lift")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("承認を待っています"));

        page.showApprovals("exec", "exec-dev-only");
        WebElement card = page.pendingCard(key);
        card.findElement(By.cssSelector("button.reject")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-problems")));
        wait.until(d -> refused.getText().contains("INVALID_REQUEST"));
        assertTrue(refused.getText().contains("理由: 入力してください（必須）"), "the missing reason, in Japanese: " + refused.getText());

        card.findElement(By.cssSelector("input.reject-reason")).sendKeys("the letters went on last week");
        card.findElement(By.cssSelector("button.reject")).click();
        wait.until(d -> d.findElement(By.id("approval-result")).getText().contains("却下しました"));
        WebElement decided = wait.until(d -> d.findElement(By.cssSelector("#recent-approvals tr.decided-approval")));
        assertTrue(driver.findElement(By.id("recent-approvals")).getText().contains("the letters went on last week"));
        assertTrue(decided.isDisplayed());
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then()
                .body("blocked.department", equalTo("legal"));
    }

    @Test
    void shouldEraseABlockedCallerOnlyOnceAnExecutiveApprovesInTheConsole() {
        String caller = blockedCaller();
        String key = page.lookUp("officer", caller);
        driver.findElement(By.id("send-erase")).click();
        wait.until(d -> !d.findElement(By.id("erase-reason-error")).getText().isEmpty());
        page.fill("erase-reason", "data-protection request DP-77");
        driver.findElement(By.id("send-erase")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("消去を申請しました"));
        assertTrue(driver.findElement(By.cssSelector("#history-table tr.pending")).getText().contains("消去"));

        page.showApprovals("exec", "exec-dev-only");
        page.pendingCard(key).findElement(By.cssSelector("button.approve")).click();
        wait.until(d -> d.findElement(By.id("approval-result")).getText().contains("承認し、実行しました"));

        page.lookUp("officer", caller);
        WebElement unknown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caller-unknown")));
        assertEquals("この顧客の記録はありません。", unknown.getText());
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then().statusCode(404);
    }

    @Test
    void shouldEraseACallerWhoIsNotFlaggedAtOnce() {
        String caller = "tel:03" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("officer", "officer-dev-only").contentType(ContentType.JSON)
                .body("{\"flag\": \"WARNED\", \"source\": \"legal\", \"reason\": \"letter\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(200).body("blocked", nullValue());
        page.lookUp("officer", caller);
        page.fill("erase-reason", "data-protection request DP-78");
        driver.findElement(By.id("send-erase")).click();
        wait.until(d -> d.findElement(By.id("caller")).getText().contains("消去しました"));
        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/" + caller).then().statusCode(404);
    }

    @Test
    void shouldNameEveryControlOfTheCallerPageOnceACallerIsShown() {
        String caller = blockedCaller();
        page.lookUp("officer", caller);
        wait.until(d -> d.findElement(By.id("caller-actions")).isDisplayed());
        driver.findElement(By.id("load-approvals")).click();
        wait.until(d -> !d.findElement(By.id("approvals")).getText().isEmpty());
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) driver.executeScript(ConsoleBrowserTest.UNNAMED_CONTROLS);
        assertEquals(List.of(), unnamed, "controls without a label a screen reader can read");
        @SuppressWarnings("unchecked")
        List<String> faint = (List<String>) driver.executeScript(ConsoleBrowserTest.FAINT_TEXT);
        assertEquals(List.of(), faint, "text below the WCAG AA contrast of 4.5:1");
    }
}
