package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser against the running service, on a copy of the built-in rules that
 * a test may break. Screenshots go to target/console-screenshots for review.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserTest.CopiedRules.class)
class ConsoleBrowserTest extends ConsoleInBrowser {

    static final Path RULES = Path.of("target/console-test-rules").toAbsolutePath();

    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyBuiltInRules();
            return Map.of("guard.rules.dir", RULES.toString(), "guard.rules.watch", "true",
                    "guard.rules.watch-interval", "100ms");
        }
    }

    @Test
    void shouldSpeakJapaneseToABrowserThatPrefersIt() {
        assertEquals("ja", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Frontline Guard コンソール", driver.findElement(By.tagName("h1")).getText());
        chooseLanguage("en");
        assertEquals("Frontline Guard console", driver.findElement(By.tagName("h1")).getText());
        assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    }

    @Test
    void shouldRefuseAVisitDemandedRightNowWithoutAReason() {
        fill("incident-occurredAt", "2026-11-23T21:10:00+09:00");
        choose("incident-channel", "PHONE");
        fill("incident-department", "call-center");
        fill("incident-caller-callerId", "tel:0399990001");
        driver.findElement(By.xpath("//fieldset[@data-path='demands']//button[text()='要求を追加']")).click();
        choose("incident-demands-0-type", "VISIT");
        choose("incident-demands-0-immediate", "true");
        driver.findElement(By.id("decide")).click();

        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".action[data-code='REFUSE_VISIT']")));
        String reason = refusal.findElement(By.cssSelector(".reason")).getText();
        String expected = given().header("Accept-Language", "ja").contentType("application/json")
                .body("{\"occurredAt\":\"2026-11-23T21:10:00+09:00\",\"channel\":\"PHONE\",\"department\":\"call-center\","
                        + "\"demands\":[{\"type\":\"VISIT\",\"immediate\":true}]}")
                .post("/v1/decisions?record=false").then().statusCode(200)
                .extract().path("actions.find { it.code == 'REFUSE_VISIT' }.reason");
        assertEquals(expected, reason, "the reason in Japanese, as the API gives it");
        assertTrue(reason.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), reason);
        WebElement rule = refusal.findElement(By.cssSelector("a[href^='#rules/']"));
        assertTrue(refusal.getText().contains("L004-1"), "the lesson with its text: " + refusal.getText());
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("answer")));
        Browser.screenshot(driver, "try-refuse-visit");

        given().auth().preemptive().basic("officer", "officer-dev-only").get("/v1/callers/tel:0399990001")
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("UNKNOWN_CALLER"));

        chooseLanguage("en");
        String english = given().header("Accept-Language", "en").contentType("application/json")
                .body("{\"occurredAt\":\"2026-11-23T21:10:00+09:00\",\"channel\":\"PHONE\",\"department\":\"call-center\","
                        + "\"demands\":[{\"type\":\"VISIT\",\"immediate\":true}]}")
                .post("/v1/decisions?record=false").then().statusCode(200)
                .extract().path("actions.find { it.code == 'REFUSE_VISIT' }.reason");
        wait.until(d -> english.equals(d.findElement(By.cssSelector(".action[data-code='REFUSE_VISIT'] .reason")).getText()));
        chooseLanguage("ja");
        wait.until(d -> reason.equals(d.findElement(By.cssSelector(".action[data-code='REFUSE_VISIT'] .reason")).getText()));

        rule = driver.findElement(By.cssSelector(".action[data-code='REFUSE_VISIT'] a[href^='#rules/']"));
        String ruleName = rule.getDomAttribute("data-rule");
        String shownName = rule.getText();
        assertTrue(JAPANESE.matcher(shownName).find(), "the rule by its Japanese name: " + shownName);
        openPage("rules");
        driver.findElement(By.id("rule-filter")).sendKeys("a filter that no rule matches");
        driver.navigate().back();
        wait.until(d -> d.findElement(By.id("page-try")).isDisplayed());
        rule = driver.findElement(By.cssSelector(".action[data-code='REFUSE_VISIT'] a[href^='#rules/']"));
        rule.click();
        wait.until(d -> d.findElement(By.id("page-rules")).isDisplayed());
        WebElement target = wait.until(d -> d.findElement(By.id("rule-" + encode(ruleName))));
        assertEquals(shownName, target.getText(), "the link leads to the rule in the catalogue");
    }

    @Test
    void shouldShowTheApiFieldErrorNextToTheFieldItNames() {
        fill("incident-occurredAt", "2026-11-23T21:10:00+09:00");
        choose("incident-channel", "PHONE");
        fill("incident-department", "call-center");
        fill("incident-caller-relationshipYears", "-1");
        driver.findElement(By.id("decide")).click();

        WebElement error = wait.until(d -> {
            WebElement e = d.findElement(By.id("incident-caller-relationshipYears-error"));
            return e.getText().isEmpty() ? null : e;
        });
        assertEquals("取引年数: 範囲外の値です", error.getText(), "the field's name and the error in Japanese");
        assertTrue(driver.findElement(By.id("incident-caller-relationshipYears")).getDomAttribute("class").contains("invalid"));
        assertTrue(driver.findElement(By.id("problems")).getText().contains("INVALID_INCIDENT"));
        Browser.screenshot(driver, "try-field-error");

        driver.findElement(By.id("tab-json")).click();
        WebElement json = driver.findElement(By.id("incident-json"));
        json.clear();
        json.sendKeys("{\"occurredAt\": \"2026-11-23T21:10:00+09:00\", \"channel\": \"FAX\", \"department\": \"call-center\"}");
        driver.findElement(By.id("decide")).click();
        wait.until(d -> d.findElement(By.id("problems")).getText().contains("channel"));
    }

    @Test
    void shouldListEveryRuleOfTheCatalogueWithItsFileAndLine() {
        openPage("rules");
        wait.until(d -> !d.findElements(By.cssSelector("#rule-table tr.rule-row")).isEmpty());
        List<String> names = given().get("/v1/rules").then().statusCode(200).extract().path("rules.name");
        List<WebElement> rows = driver.findElements(By.cssSelector("#rule-table tr.rule-row"));
        Set<String> shown = rows.stream().map(r -> r.getDomAttribute("data-rule")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(names), shown, "every rule in force, once");
        assertEquals(names.size(), rows.size());
        for (WebElement row : rows) {
            assertTrue(row.getText().matches("(?s).*[a-z]+\\.drl:\\d+.*"), "file:line in " + row.getText());
        }
        assertEquals(given().get("/v1/rules").then().extract().path("rulesetVersion"), driver.findElement(By.id("ruleset-version")).getText());
        Browser.screenshot(driver, "rules-catalogue");

        List<Map<String, Object>> lessons = given().get("/v1/rules").then().extract().path("lessons");
        // In Japanese a scenario is named by its ja_name, after its file as in English.
        Map<String, String> japanese = given().get("/v1/rules/scenarios").then().extract().<List<Map<String, Object>>>path("scenarios")
                .stream().collect(Collectors.toMap(s -> (String) s.get("id"), s -> s.get("file") + " › " + s.get("jaName")));
        assertEquals(lessons.size(), driver.findElements(By.cssSelector("#lesson-table tr.lesson-row")).size(), "every lesson, once");
        for (Map<String, Object> lesson : lessons) {
            WebElement row = driver.findElement(By.cssSelector("#lesson-table tr[data-lesson='" + lesson.get("id") + "']"));
            @SuppressWarnings("unchecked")
            List<String> scenarios = (List<String>) lesson.get("scenarios");
            assertFalse(scenarios.isEmpty(), lesson.get("id") + " has scenarios in the built-in rules");
            WebElement list = row.findElement(By.cssSelector("details.scenario-list"));
            list.findElement(By.tagName("summary")).click();
            List<String> listed = list.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
            assertEquals(scenarios.stream().map(japanese::get).toList(), listed, "the scenarios that cite " + lesson.get("id"));
        }

        driver.findElement(By.id("rule-filter")).sendKeys("L004-1");
        assertTrue(driver.findElements(By.cssSelector("#rule-table tr.rule-row")).size() < names.size(), "the filter narrows the list");
    }

    @Test
    void shouldShowARefusedReloadWithEveryProblemAsFileLineAndColumn() throws Exception {
        Path visits = RULES.resolve("visits.drl");
        String original = Files.readString(visits);
        long failedBefore = given().get("/v1/rules").then().extract().<Integer>path("reloads.failed");
        try {
            replace(visits, original + "\nrule \"Unfinished\"\nwhen\n    Demand(type ==\n");
            wait.until(d -> given().get("/v1/rules").then().extract().<Integer>path("reloads.failed") > failedBefore);
            openPage("rules");
            WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#reload-table tr.failure code.problem")));
            assertTrue(problem.getText().matches("visits\\.drl:\\d+:\\d+: .+"), problem.getText());
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("reloads")));
            Browser.screenshot(driver, "rules-refused-reload");
        } finally {
            replace(visits, original);
        }
    }

    /** The reload history words a lint problem in the reader's language, the English message kept as its detail. */
    @Test
    void shouldShowARefusedReloadsLintProblemInJapaneseAndInEnglish() throws Exception {
        Path visits = RULES.resolve("visits.drl");
        String original = Files.readString(visits);
        long failedBefore = given().get("/v1/rules").then().extract().<Integer>path("reloads.failed");
        try {
            replace(visits, original.replaceFirst("\"REFUSE_VISIT\"", "\"REFUSE_VISITZ\""));
            wait.until(d -> given().get("/v1/rules").then().extract().<Integer>path("reloads.failed") > failedBefore);
            openPage("rules");
            WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#reload-table tr.failure code.problem[data-code='UNKNOWN_ACTION']")));
            assertTrue(problem.getText().matches("visits\\.drl:\\d+:\\d+: 「REFUSE_VISITZ」は契約にある対応コードではありません"),
                    problem.getText());
            assertTrue(problem.getDomAttribute("title").startsWith("'REFUSE_VISITZ' is not an action code of the contract"),
                    "the English message as detail: " + problem.getDomAttribute("title"));

            chooseLanguage("en");
            WebElement english = wait.until(d -> d.findElement(By.cssSelector("#reload-table tr.failure code.problem")));
            assertTrue(english.getText().matches("visits\\.drl:\\d+:\\d+: 'REFUSE_VISITZ' is not an action code of the contract.*"),
                    english.getText());
            assertFalse(JAPANESE.matcher(english.getText()).find(), english.getText());
        } finally {
            chooseLanguage("ja");
            replace(visits, original);
        }
    }

    @Test
    void shouldRunTheScenarioSuiteAndReportPassesAndCoverage() {
        openPage("scenarios");
        driver.findElement(By.id("run-scenarios")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scenario-summary")));
        int scenarios = given().get("/v1/rules/scenarios").then().statusCode(200).extract().path("scenarios.size()");
        assertEquals(scenarios + " 合格, 0 不合格", summary.getText());
        int rules = given().get("/v1/rules").then().extract().path("ruleCount");
        assertEquals(rules + " / " + rules, driver.findElement(By.id("rule-coverage")).getText());
        assertEquals(scenarios, driver.findElements(By.cssSelector("tr.scenario-result")).size());
        Browser.screenshot(driver, "scenarios-run");
    }

    @Test
    void shouldStartATrialFromAScenarioIncidentInOneStep() {
        new Select(driver.findElement(By.id("example"))).selectByIndex(1);
        String first = given().get("/v1/rules/scenarios").then().extract().path("scenarios[0].incident.occurredAt");
        assertEquals(first, driver.findElement(By.id("incident-occurredAt")).getDomProperty("value"));
        driver.findElement(By.id("decide")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#answer .action")).isEmpty());
    }

    @Test
    void shouldShowAnOverriddenActionWithTheActionThatReplacedIt() {
        List<String> ids = given().get("/v1/rules/scenarios").then().statusCode(200).extract().path("scenarios.id");
        int index = ids.indexOf("answers.scenarios.yaml › a key client the police have acted against gets no apology,"
                + " the supervisor's apology is overridden");
        assertTrue(index >= 0, "the scenario is among the examples");
        Map<String, Object> incident = given().get("/v1/rules/scenarios").then().extract().path("scenarios[" + index + "].incident");
        Map<String, Object> expected = given().header("Accept-Language", "ja").contentType("application/json").body(incident)
                .post("/v1/decisions?record=false").then().statusCode(200).extract().path("overridden[0]");

        new Select(driver.findElement(By.id("example"))).selectByIndex(index + 1);
        driver.findElement(By.id("decide")).click();
        WebElement overridden = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answer .action.overridden")));
        assertEquals(expected.get("code"), overridden.getDomAttribute("data-code"));
        @SuppressWarnings("unchecked")
        Map<String, Object> replacedBy = (Map<String, Object>) expected.get("replacedBy");
        WebElement by = overridden.findElement(By.cssSelector(".replaced-by"));
        assertTrue(by.getText().contains((String) replacedBy.get("code")), by.getText());
        assertTrue(JAPANESE.matcher(by.getText().split(" ")[0]).find(), "the replacing action by its Japanese name: " + by.getText());
        assertTrue(overridden.getText().contains((String) expected.get("reason")), "the overridden action's own reason");
    }

    @Test
    void shouldLetACaseOfficerLookUpAndFlagACaller() {
        given().contentType("application/json").body("{\"occurredAt\":\"2026-11-23T10:00:00+09:00\",\"channel\":\"PHONE\","
                + "\"department\":\"shop\",\"caller\":{\"callerId\":\"tel:0399990002\"}}").post("/v1/decisions").then().statusCode(200);
        lookUp("officer", "officer-dev-only", "tel:0399990002");
        wait.until(d -> d.findElement(By.id("caller")).getText().contains("hmac:"));
        assertFalse(driver.findElement(By.id("caller")).getText().contains("0399990002"), "the page shows the pseudonym, not the id");

        choose("flag-flag", "WARNED");
        fill("flag-source", "legal");
        driver.findElement(By.id("send-flag")).click();
        wait.until(d -> !d.findElement(By.id("flag-reason-error")).getText().isEmpty());
        fill("flag-reason", "warning letter 2026-7");
        driver.findElement(By.id("send-flag")).click();
        wait.until(d -> d.findElement(By.id("caller")).getText().contains("warning letter 2026-7"));
        Browser.screenshot(driver, "caller-flagged");
    }

    @Test
    void shouldExplainEveryFieldOfEveryFormInJapanese() {
        driver.findElement(By.xpath("//fieldset[@data-path='demands']//button[text()='要求を追加']")).click();
        List<String> types = new Select(driver.findElement(By.id("incident-demands-0-type"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
        for (String type : types) {
            choose("incident-demands-0-type", type);
            assertEquals(List.of(), notInJapanese(), "field help in English only, with a demand of type " + type);
        }
        chooseLanguage("en");
        assertEquals(0, hints().stream().filter(h -> JAPANESE.matcher(h).find()).count(), "English shows the contract's descriptions");
    }

    /** The description part of every help text of the three forms (the default that may follow is the console's own word). */
    private static List<String> hints() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#incident-form .hint, #flag-form .hint, #lift-form .hint')].map(e => e.textContent)");
        return texts.stream().map(text -> text.split(" · ")[0]).toList();
    }

    private static List<String> notInJapanese() {
        List<String> hints = hints();
        assertTrue(hints.size() > 30, "the forms have their fields: " + hints.size());
        return hints.stream().filter(h -> !JAPANESE.matcher(h).find()).toList();
    }

    @Test
    void shouldTellACaseOfficerWhoseCredentialsAreWrongInsteadOfWaiting() {
        lookUp("officer", "not-the-password", "tel:0399990003");
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caller-refused")));
        assertTrue(refused.getText().startsWith("ユーザー名またはパスワードが正しくありません。 401 UNAUTHORIZED"), refused.getText());

        lookUp("clerk", "clerk-dev-only", "tel:0399990003");
        wait.until(d -> d.findElement(By.id("caller-refused")).getText().contains("403"));
        assertTrue(driver.findElement(By.id("caller-refused")).getText().contains("case-officer"), "the role it takes is named");
    }

    @Test
    void shouldFitA390PixelScreenWithoutSidewaysScrolling() {
        driver.manage().window().setSize(new Dimension(390, 900));
        for (String page : List.of("try", "rules", "scenarios", "callers")) {
            driver.findElement(By.cssSelector("nav a[data-page='" + page + "']")).click();
            wait.until(d -> d.findElement(By.id("page-" + page)).isDisplayed());
            long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow <= 0, page + " is " + overflow + " px wider than the screen");
            Browser.screenshot(driver, "narrow-" + page);
        }
    }

    @Test
    void shouldNameEveryControlAndKeepTextReadableOnEveryPage() {
        for (String page : List.of("try", "rules", "scenarios", "callers")) {
            driver.findElement(By.cssSelector("nav a[data-page='" + page + "']")).click();
            wait.until(d -> d.findElement(By.id("page-" + page)).isDisplayed());
            @SuppressWarnings("unchecked")
            List<String> unnamed = (List<String>) driver.executeScript(UNNAMED_CONTROLS);
            assertEquals(List.of(), unnamed, page + ": controls without a label a screen reader can read");
            @SuppressWarnings("unchecked")
            List<String> faint = (List<String>) driver.executeScript(FAINT_TEXT);
            assertEquals(List.of(), faint, page + ": text below the WCAG AA contrast of 4.5:1");
        }
    }

    @Test
    void shouldDecideWithTheKeyboardAlone() {
        fill("incident-occurredAt", "2026-11-23T21:10:00+09:00");
        fill("incident-department", "call-center");
        // The options read as words (電話 (PHONE)); the first after "not set" is PHONE, one arrow key down.
        driver.findElement(By.id("incident-channel")).sendKeys(Keys.ARROW_DOWN);
        assertEquals("PHONE", driver.findElement(By.id("incident-channel")).getDomProperty("value"));
        driver.findElement(By.id("incident-occurredAt")).click();
        for (int i = 0; i < 400 && !"decide".equals(driver.switchTo().activeElement().getDomAttribute("id")); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("decide", driver.switchTo().activeElement().getDomAttribute("id"), "Tab reaches the decide button");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#answer .action")).isEmpty()
                || d.findElement(By.id("problems")).isDisplayed());
        assertFalse(driver.findElement(By.id("problems")).isDisplayed(), () -> driver.findElement(By.id("problems")).getText());
    }

    // A control is named by a <label for>, an enclosing <label>, aria-label or aria-labelledby.
    static final String UNNAMED_CONTROLS = """
            return [...document.querySelectorAll('input, select, textarea, button')]
              .filter(e => e.offsetParent !== null && e.type !== 'hidden')
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
              .map(e => e.outerHTML.slice(0, 120));""";

    // WCAG 2 relative luminance of each visible text element against the first opaque background up its tree.
    static final String FAINT_TEXT = """
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
            const background = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor; const p = rgb(b);
              if (p.length < 4 || p[3] > 0) return b; } return 'rgb(255, 255, 255)'; };
            return [...document.querySelectorAll('body *')]
              .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
              .map(e => { const a = lum(getComputedStyle(e).color), b = lum(background(e));
                return { e, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }; })
              .filter(x => x.ratio < 4.5).map(x => x.ratio.toFixed(2) + ' ' + x.e.outerHTML.slice(0, 100));""";

    /** Signs in on the caller page and looks the caller up, as a case officer does. */
    private static void lookUp(String user, String password, String callerId) {
        openPage("callers");
        fill("user", user);
        fill("password", password);
        fill("caller-id", callerId);
        driver.findElement(By.cssSelector("#lookup button[type='submit']")).click();
    }

    private static void fill(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private static String encode(String name) {
        return (String) driver.executeScript("return encodeURIComponent(arguments[0])", name);
    }

    private static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void copyBuiltInRules() {
        try {
            Files.createDirectories(RULES);
            try (Stream<Path> old = Files.list(RULES)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, RULES.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
