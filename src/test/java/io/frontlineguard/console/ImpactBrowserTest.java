package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The impact page in a real browser: hidden from everyone but admins, it replays the service's own
 * decision log under a candidate file chosen on the page and shows the changed decision, grouped by
 * kind, in Japanese and in English; a candidate the lint refuses is reported with its problems.
 */
@QuarkusTest
class ImpactBrowserTest extends ConsoleInBrowser {

    static final Path CANDIDATES = Path.of("target/impact-browser-candidates").toAbsolutePath();

    @Test
    void shouldShowTheDecisionACandidateChangesToAnAdminInBothLanguages() throws Exception {
        Thread.sleep(10);
        String since = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String decisionId = given().contentType("application/json").body("""
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "sales",
                 "caller": {"callerId": "+81-90-2468-1357", "kind": "BUSINESS_CLIENT", "keyAccount": true},
                 "caseHistory": {"companyFault": "CONFIRMED"}}""").post("/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
        // A what-if about the same client: asked, never acted on, so left out of the replay and counted.
        given().contentType("application/json").body("""
                {"occurredAt": "2026-11-23T10:05:00+09:00", "channel": "PHONE", "department": "sales",
                 "caller": {"callerId": "+81-90-2468-1358", "kind": "BUSINESS_CLIENT", "keyAccount": true},
                 "caseHistory": {"companyFault": "CONFIRMED"}}""").post("/v1/decisions?record=false").then().statusCode(200);
        Path candidate = candidate("answers.drl", managerEscalation());

        WebElement link = driver.findElement(By.cssSelector("nav a[data-page='impact']"));
        assertFalse(link.isDisplayed(), "no impact page before anyone signed in");
        openPage("callers");
        signIn("officer", "officer-dev-only");
        wait.until(d -> "hidden".equals(link.getDomAttribute("data-probe")));
        assertFalse(link.isDisplayed(), "no impact page for a case officer");
        driver.get(console + "/#impact");
        assertFalse(driver.findElement(By.id("page-impact")).isDisplayed(), "nor when its address is typed");

        openPage("callers");
        signIn("admin", "admin-dev-only");
        wait.until(d -> link.isDisplayed());
        link.click();
        assertTrue(driver.findElement(By.id("impact-cap")).getText().contains("20,000"), driver.findElement(By.id("impact-cap")).getText());
        driver.findElement(By.id("impact-files")).sendKeys(candidate.toString());
        WebElement period = driver.findElement(By.id("impact-since"));
        period.clear();
        period.sendKeys(since);
        driver.findElement(By.id("run-impact")).click();

        WebElement kind = wait.until(d -> d.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED']")));
        assertEquals("再判定した判定: 1 · 変わる判定: 1", driver.findElement(By.id("impact-summary")).getText());
        // The log is shared with the other tests: theirs are before the period; this what-if is in it.
        String notReplayed = driver.findElement(By.id("impact-not-replayed")).getText();
        assertTrue(notReplayed.contains("試しの判定（?record=false、再判定せず）: 1"), notReplayed);
        // Beside the impact, the verdict of the verification guard test applies: the manager fails the supervisor's scenarios.
        WebElement verification = driver.findElement(By.id("impact-verification"));
        assertTrue(verification.getText().startsWith("この候補はこのままでは適用できません（レプリカは拒否します）"), verification.getText());
        assertTrue(verification.getText().matches("(?s).*シナリオ \\d+ 件中 \\d+ 件が不合格.*"), verification.getText());
        assertFalse(verification.findElements(By.cssSelector("code.problem")).isEmpty(), "each problem listed: " + verification.getText());
        assertTrue(kind.findElement(By.tagName("h3")).getText().startsWith("対応のパラメータが変わる: 1"), kind.getText());
        assertTrue(kind.findElement(By.cssSelector(".impact-departments")).getText().contains("sales 1"), kind.getText());
        assertTrue(kind.findElement(By.cssSelector(".impact-lessons")).getText().contains("L003-1"), kind.getText());
        assertTrue(JAPANESE.matcher(kind.findElement(By.cssSelector(".impact-rules")).getText()).find(),
                "the rule by its Japanese name: " + kind.getText());
        WebElement example = kind.findElement(By.cssSelector("tr.impact-example"));
        assertEquals(decisionId, example.getDomAttribute("data-decision"));
        assertTrue(example.findElement(By.cssSelector("code.masked")).getText().startsWith("hmac:"), "the caller masked");
        assertFalse(driver.findElement(By.id("impact-report")).getText().contains("2468"), "no clear caller id on the page");
        WebElement change = example.findElement(By.cssSelector(".impact-change"));
        assertEquals("~ 上位者に引き継ぐ（引き継ぎ先: スーパーバイザー → 引き継ぎ先: 管理職）", change.getText());
        assertEquals("~ ESCALATE {\"to\":\"SUPERVISOR\"} → {\"to\":\"MANAGER\"}", change.getDomAttribute("title"),
                "the line guard impact prints, for those who know the codes");
        List<String> bars = driver.findElements(By.cssSelector(".impact-chart .impact-bar")).stream()
                .map(b -> b.getDomAttribute("data-kind")).toList();
        assertEquals(List.of("ALL", "PARAMS_CHANGED"), bars);
        Browser.screenshot(driver, "impact-ja");
        assertEquals(List.of(), driver.executeScript(ConsoleBrowserTest.UNNAMED_CONTROLS), "controls without a label");
        assertEquals(List.of(), driver.executeScript(ConsoleBrowserTest.FAINT_TEXT), "text below the WCAG AA contrast");

        chooseLanguage("en");
        wait.until(d -> d.findElement(By.id("impact-summary")).getText().equals("Decisions replayed: 1 · changed: 1"));
        assertTrue(driver.findElement(By.id("impact-not-replayed")).getText().contains("what-if decisions (?record=false, not replayed): 1"),
                driver.findElement(By.id("impact-not-replayed")).getText());
        String verdict = driver.findElement(By.id("impact-verification")).getText();
        assertTrue(verdict.startsWith("This candidate is not ready to be put in force (a replica would refuse it)"), verdict);
        assertTrue(verdict.matches("(?s).*\\d+ of \\d+ scenarios fail.*"), verdict);
        WebElement english = driver.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED'] h3"));
        assertTrue(english.getText().startsWith("Params changed: 1"), english.getText());
        assertEquals("~ Escalate (To: supervisor → To: manager)",
                driver.findElement(By.cssSelector(".impact-kind[data-kind='PARAMS_CHANGED'] .impact-change")).getText());
        Browser.screenshot(driver, "impact-en");
        // The page's own text nodes: a file input's button is the browser's, in the browser's language.
        String page = (String) driver.executeScript("const w = document.createTreeWalker(document.getElementById('page-impact'),"
                + " NodeFilter.SHOW_TEXT); let out = ''; while (w.nextNode()) if (w.currentNode.parentElement.offsetParent !== null)"
                + " out += w.currentNode.textContent + '\\n'; return out;");
        assertFalse(JAPANESE.matcher(page).find(), () -> "no Japanese left on the English page: " + page);

        driver.manage().window().setSize(new Dimension(390, 900));
        long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "the page fits 390 px: " + overflow);
    }

    @Test
    void shouldReportACandidateTheLintRefusesWithItsProblemsInTheReadersLanguage() throws Exception {
        Path candidate = candidate("evil.drl", """
                package frontlineguard.evil;
                import io.frontlineguard.incident.*;
                rule "Exit on every incident"
                when
                    Incident()
                then
                    System.exit(3);
                end
                """);
        openPage("callers");
        signIn("admin", "admin-dev-only");
        WebElement link = driver.findElement(By.cssSelector("nav a[data-page='impact']"));
        wait.until(d -> link.isDisplayed());
        link.click();
        driver.findElement(By.id("impact-files")).sendKeys(candidate.toString());
        driver.findElement(By.id("run-impact")).click();

        WebElement problems = wait.until(d -> {
            WebElement box = d.findElement(By.id("impact-problems"));
            return box.isDisplayed() ? box : null;
        });
        assertTrue(problems.getText().contains("422 RULES_REJECTED"), problems.getText());
        assertTrue(JAPANESE.matcher(problems.findElement(By.cssSelector(".refusal")).getText()).find(), problems.getText());
        assertFalse(problems.findElements(By.cssSelector("code.problem")).isEmpty(), "each problem listed");
        assertTrue(problems.findElement(By.cssSelector("code.problem")).getText().startsWith("evil.drl:"), problems.getText());
        assertTrue(driver.findElement(By.id("impact-report")).getText().isEmpty(), "no report");
        // Each problem in the reader's words, the lint's English message as its detail.
        for (WebElement p : problems.findElements(By.cssSelector("code.problem"))) {
            assertTrue(JAPANESE.matcher(p.getText()).find(), p.getText());
        }
        WebElement exit = problems.findElements(By.cssSelector("code.problem")).stream()
                .filter(p -> p.getDomAttribute("title").contains("System")).findFirst().orElseThrow();
        assertTrue(exit.getText().contains("System"), "with its parameter: " + exit.getText());
        assertTrue(List.of("NOT_IN_LANGUAGE", "CALL_NOT_ALLOWED").contains(exit.getDomAttribute("data-code")), exit.getText());

        chooseLanguage("en");
        WebElement english = wait.until(d -> d.findElement(By.cssSelector("#impact-problems code.problem")));
        assertTrue(english.getText().startsWith("evil.drl:"), english.getText());
        assertFalse(JAPANESE.matcher(english.getText()).find(), english.getText());
        chooseLanguage("ja");
    }

    static void signIn(String user, String password) {
        WebElement u = driver.findElement(By.id("user"));
        WebElement p = driver.findElement(By.id("password"));
        u.clear();
        u.sendKeys(user, Keys.TAB);
        p.clear();
        p.sendKeys(password, Keys.TAB);
    }

    static Path candidate(String name, String text) throws IOException {
        Files.createDirectories(CANDIDATES);
        Path file = CANDIDATES.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The built-in answers.drl with the key client's escalation raised to a manager. */
    static String managerEscalation() throws IOException {
        String drl = Files.readString(Path.of("rules/answers.drl"));
        int rule = drl.indexOf("rule \"Escalate a long-standing client's complaint");
        int emit = drl.indexOf("Role.SUPERVISOR", rule);
        return drl.substring(0, emit) + "Role.MANAGER" + drl.substring(emit + "Role.SUPERVISOR".length());
    }
}
