package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.assessment.BehaviourType;
import io.frontlineguard.assessment.Handling;
import io.frontlineguard.impact.ChangeKind;
import io.frontlineguard.incident.ViolationCode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every word the console shows for the contract exists in Japanese and in English: each of the
 * console's messages, each action code and param, error code, field-error code, enum value and
 * form label. A code added to the contract without its words fails here, named. And a decision
 * reads as a checklist in the reader's language: the handling, then who does what.
 */
@QuarkusTest
class VocabularyBrowserTest extends ConsoleInBrowser {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z_]+$");

    @Test
    void shouldHaveEveryMessageInBothLanguages() {
        // A Japanese entry that is the English one again is a copy left untranslated.
        assertEquals(List.of(), script("return Object.entries(MESSAGES).filter(([k, v]) => !v.ja || !v.en"
                + " || v.ja === v.en && /[a-z]{3}/.test(v.ja)).map(([k]) => k)"), "messages without both languages");
    }

    @Test
    void shouldNameAndExplainEveryActionCodeAndParamInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (ActionCode code : ActionCode.values()) {
            for (String lang : List.of("ja", "en")) {
                List<String> words = script("const a = ACTIONS[arguments[0]]; return a && a[arguments[1]] ? a[arguments[1]] : []",
                        code.name(), lang);
                if (words.size() != 2 || words.stream().anyMatch(String::isBlank)) {
                    missing.add(code + " (" + lang + ")");
                }
                for (String param : code.params().keySet()) {
                    Object name = driver.executeScript("const p = ACTIONS[arguments[0]] && ACTIONS[arguments[0]].params;"
                            + " return p && p[arguments[1]] ? p[arguments[1]][arguments[2]] : null", code.name(), param, lang);
                    if (name == null || name.toString().isBlank()) {
                        missing.add(code + "." + param + " (" + lang + ")");
                    }
                }
            }
            assertTrue(JAPANESE.matcher(String.valueOf(driver.executeScript("return ACTIONS[arguments[0]].ja[0]", code.name()))).find(),
                    code + " has a Japanese name");
        }
        assertEquals(List.of(), missing, "action codes and params without their words");
    }

    @Test
    void shouldSayEveryErrorAndEveryFieldErrorInBothLanguages() {
        assertEquals(List.of(), withoutWords("ERRORS", Arrays.stream(ErrorCode.values()).map(Enum::name).toList()), "error codes");
        assertEquals(List.of(), withoutWords("VIOLATIONS", Arrays.stream(ViolationCode.values()).map(Enum::name).toList()),
                "field-error codes");
    }

    @Test
    void shouldNameEveryEnumValueOfTheContractInBothLanguages() {
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> schemas = script("const s = state.doc.components.schemas; const out = {};"
                + " for (const name of ['Role', 'DemandType', 'Channel', 'PoliceInvolvement', 'Conduct', 'BehaviourType', 'CompanyFault',"
                + " 'ManagementAnswer', 'Severity', 'CallerKind', 'Place', 'MemoryUse']) out[name] = s[name].enum; return out;");
        schemas.forEach((name, values) -> missing.addAll(withoutEnumWords(name, values)));
        missing.addAll(withoutEnumWords("Handling", Arrays.stream(Handling.values()).map(Enum::name).toList()));
        missing.addAll(withoutEnumWords("BehaviourType", Arrays.stream(BehaviourType.values()).map(Enum::name).toList()));
        missing.addAll(withoutEnumWords("Flag", script("return state.doc.components.schemas.CallerFlag.properties.flag.enum")));
        assertEquals(List.of(), missing, "enum values without their words");
    }

    @Test
    void shouldLabelEveryFieldOfTheFormsInBothLanguages() {
        driver.findElement(By.xpath("//fieldset[@data-path='demands']//button[text()='要求を追加']")).click();
        List<String> types = new Select(driver.findElement(By.id("incident-demands-0-type"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
        for (String lang : List.of("ja", "en")) {
            chooseLanguage(lang);
            for (String type : types) {
                new Select(driver.findElement(By.id("incident-demands-0-type"))).selectByValue(type);
                List<String> raw = script("return [...document.querySelectorAll('#incident-form label, #incident-form legend, #flag-form label')]"
                        + ".filter(l => !l.querySelector('code.wire') && !/^(要求|言動|Demand|Conduct) \\d+$/.test(l.textContent.trim()))"
                        + ".map(l => l.textContent)");
                assertEquals(List.of(), raw, lang + ": labels still in the contract's wire names, with a demand of type " + type);
            }
        }
    }

    @Test
    void shouldGiveEveryLessonAndEveryRuleOfTheBuiltInRulesInJapanese() {
        List<String> lessons = given().get("/v1/rules").then().statusCode(200).extract().path("lessons.findAll { !it.ja }.id");
        assertEquals(List.of(), lessons, "lessons without ja in rules/lessons.yaml");
        List<String> rules = given().get("/v1/rules").then().extract().path("rules.findAll { !it.jaName }.name");
        assertEquals(List.of(), rules, "rules without @ja_name");

        String ja = given().get("/v1/rules").then().extract().path("lessons.find { it.id == 'L004-1' }.ja");
        openPage("rules");
        // Found afresh each time: the start-up read and the page's own may both draw the table.
        wait.until(d -> d.findElement(By.cssSelector("#lesson-table tr[data-lesson='L004-1']")).getText().contains(ja));
        chooseLanguage("en");
        wait.until(d -> d.findElement(By.cssSelector("#lesson-table tr[data-lesson='L004-1']")).getText()
                .contains("Ask why a visit is demanded"));
    }

    @Test
    void shouldNameEveryScenarioOfTheBuiltInRulesInJapaneseWhereverTheConsoleShowsIt() {
        List<String> untranslated = given().get("/v1/rules/scenarios").then().statusCode(200).extract()
                .path("scenarios.findAll { !it.jaName }.id");
        assertEquals(List.of(), untranslated, "scenarios without ja_name in rules/*.scenarios.yaml");

        // The examples to start from: every one by its Japanese name, in English by its own.
        assertEquals(List.of(), withoutJapanese("#example option:not([value=''])"), "examples by their English name");
        String id = given().get("/v1/rules/scenarios").then().extract().path("scenarios[0].id");
        String jaName = given().get("/v1/rules/scenarios").then().extract().path("scenarios[0].jaName");
        assertTrue(driver.findElement(By.cssSelector("#example option[value='0']")).getText().endsWith(jaName),
                "the first example by its Japanese name");

        // The scenarios that fire a rule or name a lesson.
        openPage("rules");
        wait.until(d -> !d.findElements(By.cssSelector("#rule-table details.scenario-list li")).isEmpty());
        assertEquals(List.of(), withoutJapanese("#rule-table details.scenario-list li, #lesson-table details.scenario-list li"),
                "scenarios of the catalogue by their English name");

        // The report of a run, which names each scenario again.
        openPage("scenarios");
        driver.findElement(By.id("run-scenarios")).click();
        wait.until(d -> !d.findElements(By.cssSelector("tr.scenario-result")).isEmpty());
        assertEquals(List.of(), withoutJapanese("tr.scenario-result td:first-child"), "scenarios of the run by their English name");

        chooseLanguage("en");
        wait.until(d -> d.findElement(By.cssSelector("#example option[value='0']")).getDomProperty("textContent").equals(id));
        wait.until(d -> !JAPANESE.matcher(d.findElement(By.cssSelector("tr.scenario-result td:first-child")).getText()).find());
    }

    /**
     * An impact report's changes as the impact page words them: every change kind has its name, every
     * assessment answer a change can concern (the contract's changeDetails.field) its label and the
     * words of its values, in both languages; worded, a change shows no wire code.
     */
    @Test
    void shouldWordEveryChangeOfAnImpactReportInBothLanguages() {
        List<String> kinds = Arrays.stream(ChangeKind.values()).map(Enum::name).toList();
        assertEquals(List.of(), script("return arguments[0].filter(k => { const m = MESSAGES['impactKind' + k]; return !m || !m.ja || !m.en; })",
                kinds), "change kinds without their words");
        List<String> fields = script("return state.doc.components.schemas.ImpactReport.properties.changes.items.properties"
                + ".examples.items.properties.changeDetails.items.properties.field.enum");
        assertEquals(5, fields.size(), fields.toString());
        assertEquals(List.of(), script("return arguments[0].filter(f => !MESSAGES[f === 'handling' ? 'handlingLabel' : f]"
                + " || !ANSWER_ENUM[f] || !ENUMS[ANSWER_ENUM[f]])", fields), "answers a change can concern without their words");
        for (String lang : List.of("ja", "en")) {
            chooseLanguage(lang);
            List<String> worded = script("return arguments[0].flatMap(f => Object.keys(ENUMS[ANSWER_ENUM[f]]).map(v =>"
                    + " changeWords({ kind: f === 'handling' ? 'HANDLING_CHANGED' : 'ASSESSMENT_CHANGED', field: f, before: [v], after: [] }).textContent))",
                    fields);
            assertEquals(List.of(), worded.stream().filter(w -> Pattern.compile("[A-Z][A-Z_]{2,}|[a-z][A-Z]").matcher(w).find()).toList(),
                    lang + ": changes still in wire codes");
        }
    }

    @Test
    void shouldShowTimesAtTheIncidentsOwnClockToTheMinute() {
        assertEquals("2026年11月23日 21:10", script("return when('2026-11-23T12:10:42.123456789Z', '2026-11-23T21:10:00+09:00')"),
                "the service's UTC clock at the incident's offset, without seconds");
        assertEquals("2026年11月23日 21:10", script("return when('2026-11-23T21:10:59+09:00')"));
        chooseLanguage("en");
        assertEquals("2026-11-23 21:10", script("return when('2026-11-23T12:10:42.5Z', '2026-11-23T21:10:00+09:00')"));
    }

    @Test
    void shouldReadADecisionAsAChecklistInJapaneseAndInEnglish() {
        String incident = "{\"occurredAt\":\"2026-11-23T21:10:00+09:00\",\"channel\":\"PHONE\",\"department\":\"call-center\","
                + "\"conduct\":[\"VERBAL_ABUSE\",\"THREAT\"],\"demands\":[{\"type\":\"VISIT\",\"immediate\":true}],"
                + "\"handler\":{\"employeeId\":\"E-1\",\"role\":\"OPERATOR\",\"targetOfAnger\":true}}";
        decide(incident);
        List<WebElement> steps = wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("#answer ol.checklist > li.action"));
            return s.isEmpty() ? null : s;
        });
        List<WebElement> order = driver.findElements(By.cssSelector("#answer .handling, #answer ol.checklist"));
        assertEquals("handling", order.get(0).getDomAttribute("class"), "the handling first, then the steps");
        for (WebElement step : steps) {
            String code = step.getDomAttribute("data-code");
            String name = step.findElement(By.cssSelector(".action-name")).getText();
            assertTrue(JAPANESE.matcher(name).find(), code + " by its Japanese name: " + name);
            assertTrue(JAPANESE.matcher(step.findElement(By.cssSelector(".who")).getText()).find(), code + ": who does it");
            assertTrue(JAPANESE.matcher(step.findElement(By.cssSelector(".action-help")).getText()).find(), code + ": what it means");
            for (WebElement value : step.findElements(By.cssSelector("dl.params dd"))) {
                assertTrue(!CODE.matcher(value.getText()).matches(), code + ": a param value in words, not a code: " + value.getText());
            }
            assertTrue(step.findElement(By.cssSelector("input[type='checkbox']")).isDisplayed(), code + " can be ticked off");
        }
        List<String> assessment = driver.findElements(By.cssSelector("#answer dd[data-value] strong")).stream()
                .map(WebElement::getText).toList();
        assertTrue(!assessment.isEmpty() && assessment.stream().allMatch(a -> JAPANESE.matcher(a).find()), "the assessment in words: " + assessment);
        Browser.screenshot(driver, "decision-checklist-ja");

        chooseLanguage("en");
        wait.until(d -> d.findElement(By.cssSelector("#answer .handling")).getText().startsWith("Handle"));
        for (WebElement step : driver.findElements(By.cssSelector("#answer ol.checklist > li.action"))) {
            String name = step.findElement(By.cssSelector(".action-name")).getText();
            assertTrue(!JAPANESE.matcher(name).find() && !name.equals(step.getDomAttribute("data-code")), "an English name: " + name);
        }
        Browser.screenshot(driver, "decision-checklist-en");
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String js, Object... args) {
        return (T) driver.executeScript(js, args);
    }

    /** The texts of the elements found that hold no Japanese at all. */
    private static List<String> withoutJapanese(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent"))
                .filter(text -> !JAPANESE.matcher(text).find()).toList();
    }

    private static List<String> withoutWords(String table, List<String> codes) {
        return script("return arguments[1].filter(c => !" + table + "[c] || !" + table + "[c][0] || !" + table + "[c][1])", table, codes);
    }

    private static List<String> withoutEnumWords(String name, List<String> values) {
        return script("const e = ENUMS[arguments[0]] || {}; return arguments[1].filter(v => !e[v] || !e[v][0] || !e[v][1]).map(v => arguments[0] + '.' + v)",
                name, values);
    }
}
