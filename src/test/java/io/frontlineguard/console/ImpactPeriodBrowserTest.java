package io.frontlineguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;

/**
 * A period the impact replay cannot read is refused with what the field takes (30d, 12h, 2w, a date
 * or an instant), in both languages, and names its field once: not "a date-time with an offset".
 */
@QuarkusTest
class ImpactPeriodBrowserTest extends ConsoleInBrowser {

    @Test
    void shouldSayWhatThePeriodTakesInBothLanguagesAndNameTheFieldOnce() {
        WebElement link = driver.findElement(By.cssSelector("nav a[data-page='impact']"));
        openPage("callers");
        ImpactBrowserTest.signIn("admin", "admin-dev-only");
        wait.until(d -> link.isDisplayed());
        link.click();
        for (String lang : new String[] {"ja", "en"}) {
            chooseLanguage(lang);
            WebElement period = driver.findElement(By.id("impact-since"));
            period.clear();
            period.sendKeys("last month");
            driver.executeScript("document.getElementById('impact-problems').replaceChildren()");
            driver.findElement(By.id("run-impact")).click();
            String error = wait.until(d -> d.findElement(By.cssSelector("#impact-problems li"))).getText();
            assertTrue(error.contains("30d") && error.contains("2w") && error.contains("2026-11-01"), lang + ": " + error);
            assertFalse(error.contains("+09:00") || error.contains("offset") || error.contains("オフセット"), lang + ": " + error);
            assertEquals(1, error.split("since", -1).length - 1, lang + ": the field named once: " + error);
        }
    }
}
