package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The console where an operator protected decisions and the catalogue too: the page asks for
 * credentials, and once they are given it works as it does in the open.
 */
@QuarkusTest
@TestProfile(ConsoleSignInBrowserTest.ProtectedDecisions.class)
class ConsoleSignInBrowserTest extends ConsoleInBrowser {

    public static class ProtectedDecisions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.decisions.policy", "decider-role");
        }
    }

    @Test
    void shouldAskForCredentialsAndThenDecideAndListTheRules() {
        given().get("/v1/rules").then().statusCode(401);
        assertTrue(driver.findElement(By.id("status")).getText().contains("ユーザーとパスワード"),
                "the page asks for credentials: " + driver.findElement(By.id("status")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("#example option")).size(), "no examples before signing in");

        openPage("callers");
        driver.findElement(By.id("user")).sendKeys("crm");
        driver.findElement(By.id("password")).sendKeys("crm-dev-only", Keys.TAB);
        wait.until(d -> d.findElements(By.cssSelector("#example option")).size() > 1);

        openPage("try");
        new Select(driver.findElement(By.id("example"))).selectByIndex(1);
        driver.findElement(By.id("decide")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#answer .action")).isEmpty());

        openPage("rules");
        int rules = given().auth().preemptive().basic("crm", "crm-dev-only").get("/v1/rules").then().statusCode(200)
                .extract().path("ruleCount");
        wait.until(d -> d.findElements(By.cssSelector("#rule-table tr.rule-row")).size() == rules);
        Browser.screenshot(driver, "signed-in-rules");
    }
}
