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
