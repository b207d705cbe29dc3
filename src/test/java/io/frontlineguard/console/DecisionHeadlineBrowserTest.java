package io.frontlineguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The handling heads every decision the console shows, in plain words in the reader's language
 * (issue 29): it comes before the actions, because it is what the front line acts on.
 */
@QuarkusTest
class DecisionHeadlineBrowserTest extends ConsoleInBrowser {

    @Test
    void shouldHeadADecisionWithItsHandlingInPlainWords() {
        decide("{\"occurredAt\":\"2026-11-23T10:00:00+09:00\",\"channel\":\"IN_PERSON\",\"department\":\"store\","
                + "\"caller\":{\"warnedBefore\":true},\"conduct\":[\"SITTING_IN\"]}");
        WebElement headline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answer .handling")));
        assertEquals("POLICE", headline.getDomAttribute("data-handling"));
        assertTrue(headline.getText().startsWith("警察案件として対応してください。"), headline.getText());
        List<WebElement> inOrder = driver.findElements(By.cssSelector("#answer .handling, #answer .action"));
        assertEquals("handling", inOrder.get(0).getDomAttribute("class"), "the handling comes before every action");
        // The decision at the top of the window: docs/console.png is this picture (docs/design.md, Browser tests).
        driver.executeScript("document.getElementById('answer').scrollIntoView()");
        Browser.screenshot(driver, "decision-handling-ja");

        chooseLanguage("en");
        decide("{\"occurredAt\":\"2026-11-23T10:00:00+09:00\",\"channel\":\"PHONE\",\"department\":\"call-center\"}");
        wait.until(d -> d.findElement(By.cssSelector("#answer .handling")).getText().startsWith("Handle"));
        wait.until(d -> "COMPLAINT".equals(d.findElement(By.cssSelector("#answer .handling")).getDomAttribute("data-handling")));
        assertTrue(driver.findElement(By.cssSelector("#answer .handling")).getText()
                .startsWith("Handle this as a complaint, sincerely."));
        Browser.screenshot(driver, "try-handling-headline");
    }
}
