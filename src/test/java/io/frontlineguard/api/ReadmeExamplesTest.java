package io.frontlineguard.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's decision examples, run as written: each {@code curl … /v1/decisions} body is posted
 * with its headers, and what the README says of the answer (the abridged JSON after it, the action
 * codes its prose names) must hold for the real answer. The catalogue example's figures are checked
 * against the catalogue. An example that goes stale fails here instead of misleading a reader.
 */
@QuarkusTest
class ReadmeExamplesTest {

    private static final Pattern CURL = Pattern.compile(
            "```bash\\ncurl -s -u (?<user>[^:\\s]+):(?<password>\\S+) localhost:8080/v1/decisions (?<headers>[^\\n]*?) -d '(?<body>\\{(?:(?!```).)*?})'\\n```\\n"
                    + "(?<after>.*?)(?=\\n```bash|\\n#{2,4} )",
            Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("-H '([^:]+): ([^']+)'");
    private static final Pattern CODE_WITH_PARAMS = Pattern.compile("\"code\": \"([A-Z_]+)\"(?:, \"params\": (\\{[^}]*}))?");
    private static final Pattern CODE_IN_PROSE = Pattern.compile("`([A-Z][A-Z_]{3,})`");
    private static final Pattern HANDLING_IN_PROSE = Pattern.compile("Handling: `([A-Z]+)`");

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerEveryDecisionExampleAsTheReadmeSays() throws IOException {
        Matcher m = CURL.matcher(readme());
        int examples = 0;
        while (m.find()) {
            examples++;
            // The credential is checked even where the test profile would let anonymous requests decide.
            RequestSpecification request = given().auth().preemptive().basic(m.group("user"), m.group("password"))
                    .contentType(ContentType.JSON);
            Matcher h = HEADER.matcher(m.group("headers"));
            while (h.find()) {
                if (!h.group(1).equalsIgnoreCase("Content-Type")) {
                    request = request.header(h.group(1), h.group(2));
                }
            }
            JsonPath answer = request.body(m.group("body")).post("/v1/decisions").then().log().ifValidationFails()
                    .statusCode(200).extract().jsonPath();
            List<String> codes = answer.getList("actions.code");
            List<String> all = new ArrayList<>(codes);
            all.addAll(answer.getList("overridden.code"));
            String after = m.group("after");
            assertShownActionsInOrder(after, codes, answer, examples);
            Matcher handling = HANDLING_IN_PROSE.matcher(after);
            if (handling.find()) {
                assertEquals(handling.group(1), answer.getString("assessment.handling.value"),
                        "the handling example " + examples + " states");
            }
            Matcher prose = CODE_IN_PROSE.matcher(after);
            while (prose.find()) {
                if (isActionCode(prose.group(1))) {
                    assertTrue(all.contains(prose.group(1)), "example " + examples + " names " + prose.group(1)
                            + " but the answer has " + all);
                }
            }
        }
        assertTrue(examples >= 5, "the README's three real cases and the two of case memory are found: " + examples);
        assertFalse(readme().matches("(?s).*curl -s (-X POST )?(localhost:8080)?/v1/decisions.*"),
                "every decision example sends a calling system's credential, as outside the tests it must");
    }

    /** The abridged JSON lists some actions; they must be there, in that order, with the params shown. */
    private static void assertShownActionsInOrder(String after, List<String> codes, JsonPath answer, int example) {
        int json = after.indexOf("```json");
        if (json < 0) {
            return;
        }
        Matcher shown = CODE_WITH_PARAMS.matcher(after.substring(json, after.indexOf("```", json + 7)));
        int from = 0;
        while (shown.find()) {
            int at = codes.subList(from, codes.size()).indexOf(shown.group(1));
            assertTrue(at >= 0, "example " + example + " shows " + shown.group(1) + " after position " + from + "; the answer: " + codes);
            if (shown.group(2) != null) {
                Map<String, Object> params = answer.getMap("actions[" + (from + at) + "].params");
                Map<String, Object> written = JsonPath.from(shown.group(2)).getMap("");
                assertEquals(written, params, "params of " + shown.group(1) + " in example " + example);
            }
            from += at + 1;
        }
    }

    private static boolean isActionCode(String word) {
        return io.frontlineguard.action.ActionCode.isKnown(word);
    }

    @Test
    void shouldShowTheCatalogueAsItIs() throws IOException {
        String readme = readme();
        String example = readme.substring(readme.indexOf("`GET /v1/rules` lists what is in force:"));
        JsonPath catalogue = given().get("/v1/rules").then().statusCode(200).extract().jsonPath();
        Matcher counts = Pattern.compile("\"ruleCount\": (\\d+), \"coveredRuleCount\": (\\d+)").matcher(example);
        assertTrue(counts.find(), "the catalogue example shows its counts");
        assertEquals(catalogue.getInt("ruleCount"), Integer.parseInt(counts.group(1)), "ruleCount");
        assertEquals(catalogue.getInt("coveredRuleCount"), Integer.parseInt(counts.group(2)), "coveredRuleCount");
        Matcher rule = Pattern.compile("\\{\"name\": \"([^\"]+)\", \"file\": \"([^\"]+)\", \"line\": (\\d+)").matcher(example);
        assertTrue(rule.find(), "the catalogue example shows a rule");
        Map<String, Object> real = catalogue.getMap("rules.find { it.name == '" + rule.group(1) + "' }");
        assertEquals(rule.group(2), real.get("file"));
        assertEquals(Integer.parseInt(rule.group(3)), real.get("line"));
        Matcher lesson = Pattern.compile("\\{\"id\": \"([^\"]+)\", \"text\": \"([^\"]+)\"").matcher(example);
        assertTrue(lesson.find(), "the catalogue example shows a lesson");
        assertEquals(lesson.group(2), catalogue.getString("lessons.find { it.id == '" + lesson.group(1) + "' }.text"));
        assertTrue(catalogue.getList("lessons.find { it.id == '" + lesson.group(1) + "' }.rules")
                .contains("Refuse a demand to kneel in apology"));
        Matcher source = Pattern.compile("\"source\": \"([^\"]+?)(; …)?\"").matcher(example);
        assertTrue(source.find(), "the catalogue example shows a lesson's source");
        assertTrue(catalogue.getString("lessons.find { it.id == '" + lesson.group(1) + "' }.source").startsWith(source.group(1)),
                "the example's source is the catalogue's, abridged");
        Matcher version = Pattern.compile("\"rulesetVersion\": \"(sha256:[^\"]*)\"").matcher(example);
        assertTrue(version.find());
        assertTrue(version.group(1).equals("sha256:…") || version.group(1).equals(catalogue.getString("rulesetVersion")),
                "a version in an example is either elided or the real one: " + version.group(1));
    }
}
