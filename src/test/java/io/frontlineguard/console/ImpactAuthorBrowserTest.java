package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The impact page as a policy author sees it where the catalogue is protected (as in production):
 * the author may replay but not read GET /v1/rules, so the page names rules and lessons from the
 * report itself. Examples read as the rest of the console: actions by their names with their
 * params in words, and the decision's time as the incident's own clock showed it, to the minute.
 * The incident here is reported at +05:30, the browser runs in Tokyo: a time shown at the
 * browser's offset would be three and a half hours off.
 */
@QuarkusTest
@TestProfile(ConsoleSignInBrowserTest.ProtectedDecisions.class)
class ImpactAuthorBrowserTest extends ConsoleInBrowser {

    private static final ZoneOffset INCIDENT = ZoneOffset.ofHoursMinutes(5, 30);

    @Test
    void shouldShowAnAuthorRuleNamesActionsAndTimesInWordsInBothLanguages() throws Exception {
        Thread.sleep(10);
        String since = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        given().auth().preemptive().basic("crm", "crm-dev-only").contentType("application/json").body("""
                {"occurredAt": "2026-11-23T10:00:00+05:30", "channel": "PHONE", "department": "sales",
                 "caller": {"callerId": "+81-90-1357-2468", "kind": "BUSINESS_CLIENT", "keyAccount": true},
                 "caseHistory": {"companyFault": "CONFIRMED"}}""").post("/v1/decisions").then().statusCode(200);
        Path candidate = ImpactBrowserTest.candidate("answers.drl", ImpactBrowserTest.managerEscalation());
        List<Map<String, Object>> catalogue = given().auth().preemptive().basic("crm", "crm-dev-only").get("/v1/rules")
                .then().statusCode(200).extract().path("rules");
        given().auth().preemptive().basic("author", "author-dev-only").get("/v1/rules").then().statusCode(403);

        WebElement status = driver.findElement(By.id("status"));
        assertTrue(JAPANESE.matcher(status.getText()).find(), "the page asks for credentials first: " + status.getText());
        openPage("callers");
        ImpactBrowserTest.signIn("author", "author-dev-only");
        WebElement link = driver.findElement(By.cssSelector("nav a[data-page='impact']"));
        wait.until(d -> link.isDisplayed());
        link.click();
        assertEquals("", status.getText(), "signed in, the page no longer asks for credentials");

        driver.findElement(By.id("impact-files")).sendKeys(candidate.toString());
        WebElement period = driver.findElement(By.id("impact-since"));
        period.clear();
        period.sendKeys(since);
        driver.findElement(By.id("run-impact")).click();

        WebElement kind = wait.until(d -> d.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED']")));
        WebElement rule = kind.findElement(By.cssSelector(".impact-rules [data-rule]"));
        String name = rule.getDomAttribute("data-rule");
        String jaName = (String) catalogue.stream().filter(r -> r.get("name").equals(name)).findFirst().orElseThrow().get("jaName");
        assertEquals(jaName, rule.getText(), "the rule by its Japanese name, from the report");
        String lesson = kind.findElement(By.cssSelector(".impact-lessons [data-lesson='L003-1']")).getDomAttribute("title");
        assertTrue(lesson.startsWith("L003-1: ") && JAPANESE.matcher(lesson).find(), "the lesson's text in Japanese: " + lesson);
        WebElement example = kind.findElement(By.cssSelector("tr.impact-example"));
        assertEquals("~ 上位者に引き継ぐ（引き継ぎ先: スーパーバイザー → 引き継ぎ先: 管理職）",
                example.findElement(By.cssSelector(".impact-change")).getText());
        assertTrue(example.getText().contains("上位者に引き継ぐ（引き継ぎ先: スーパーバイザー）"), example.getText());
        assertLocalTime(example, "yyyy年M月d日 HH:mm");
        assertNoCodes(example);
        Browser.screenshot(driver, "impact-author-ja");

        chooseLanguage("en");
        WebElement english = wait.until(d -> d.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED'] tr.impact-example")));
        assertEquals("~ Escalate (To: supervisor → To: manager)", english.findElement(By.cssSelector(".impact-change")).getText());
        assertTrue(english.getText().contains("Escalate (To: supervisor)"), english.getText());
        assertEquals(name, driver.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED'] .impact-rules [data-rule]")).getText());
        assertLocalTime(english, "yyyy-MM-dd HH:mm");
        assertNoCodes(english);
        assertEquals("", status.getText(), "nor in English");
    }

    /** The decision's time (the service's clock) at the incident's offset, to the minute. */
    private static void assertLocalTime(WebElement example, String pattern) {
        WebElement time = example.findElement(By.tagName("time"));
        String shown = Instant.parse(time.getDomAttribute("datetime")).atOffset(INCIDENT)
                .format(DateTimeFormatter.ofPattern(pattern));
        assertEquals(shown, time.getText());
    }

    /** Neither a raw action code nor params as JSON in what a person reads. */
    private static void assertNoCodes(WebElement example) {
        String text = example.getText();
        assertFalse(text.contains("ESCALATE") || text.contains("{"), text);
    }
}
