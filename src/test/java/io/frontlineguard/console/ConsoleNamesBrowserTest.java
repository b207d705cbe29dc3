package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Where the catalogue is protected (as in production), the console cannot read it before the person
 * signs in. Once signed in, the Try and Scenarios pages name rules and lessons in Japanese at once,
 * without the Rules page having been opened first.
 */
@QuarkusTest
@TestProfile(ConsoleSignInBrowserTest.ProtectedDecisions.class)
class ConsoleNamesBrowserTest extends ConsoleInBrowser {

    @Test
    void shouldNameRulesAndLessonsInJapaneseOnTryAndScenariosWithoutOpeningTheRulesPage() {
        List<Map<String, Object>> rules = given().auth().preemptive().basic("crm", "crm-dev-only").get("/v1/rules")
                .then().statusCode(200).extract().path("rules");
        openPage("callers");
        driver.findElement(By.id("user")).sendKeys("crm");
        driver.findElement(By.id("password")).sendKeys("crm-dev-only", Keys.TAB);
        wait.until(d -> d.findElements(By.cssSelector("#example option")).size() > 1);

        openPage("try");
        new Select(driver.findElement(By.id("example"))).selectByIndex(1);
        driver.findElement(By.id("decide")).click();
        WebElement action = wait.until(d -> d.findElement(By.cssSelector("#answer .action")));
        WebElement rule = action.findElement(By.cssSelector("[data-rule]"));
        assertEquals(jaName(rules, rule.getDomAttribute("data-rule")), rule.getText(), "the rule by its Japanese name");
        String lesson = action.findElement(By.cssSelector("dd:last-of-type li")).getText();
        assertTrue(lesson.matches("L[0-9-]+: .+") && JAPANESE.matcher(lesson).find(), "the lesson with its Japanese text: " + lesson);

        openPage("scenarios");
        driver.findElement(By.id("run-scenarios")).click();
        WebElement fired = wait.until(d -> d.findElement(By.cssSelector(".scenario-result td:last-child [data-rule]")));
        assertEquals(jaName(rules, fired.getDomAttribute("data-rule")), fired.getText(), "a fired rule by its Japanese name");
        assertFalse(driver.findElement(By.cssSelector("nav a[data-page='rules']")).getDomAttribute("aria-current") != null,
                "the Rules page was never opened");
    }

    @Test
    void shouldHeadARefusalForAnotherDepartmentAsARefusalNotAsErrorsInTheIncident() {
        openPage("callers");
        driver.findElement(By.id("user")).sendKeys("clerk");
        driver.findElement(By.id("password")).sendKeys("clerk-dev-only", Keys.TAB);
        openPage("try");
        chooseLanguage("en");
        decide("{\"occurredAt\": \"2026-11-23T10:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"sales\"}");
        WebElement box = wait.until(d -> d.findElement(By.cssSelector("#problems h3")));
        assertTrue(driver.findElement(By.id("problems")).getText().contains("DEPARTMENT_NOT_ALLOWED"), driver.findElement(By.id("problems")).getText());
        assertEquals("The incident was not decided", box.getText());
    }

    @Test
    void shouldTellASignedInOfficerTheDeciderRoleIsMissingNotToSignIn() {
        openPage("callers");
        driver.findElement(By.id("user")).sendKeys("officer");
        driver.findElement(By.id("password")).sendKeys("officer-dev-only", Keys.TAB);
        openPage("try");
        WebElement status = driver.findElement(By.id("status"));
        wait.until(d -> status.getText().contains("decider"));
        assertFalse(status.getText().contains("認証を求めて"), status.getText());
    }

    private static String jaName(List<Map<String, Object>> rules, String name) {
        return (String) rules.stream().filter(r -> r.get("name").equals(name)).findFirst().orElseThrow().get("jaName");
    }
}
