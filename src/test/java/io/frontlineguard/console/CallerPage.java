package io.frontlineguard.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's caller page as people use it: sign in, look a caller up, open the approvals. */
record CallerPage(ChromeDriver driver, WebDriverWait waiting) {

    /** Signs in and looks the caller up; returns the pseudonym the page shows, or null. */
    String lookUp(String user, String callerId) {
        fill("user", user);
        fill("password", user + "-dev-only");
        fill("caller-id", callerId);
        driver.executeScript("document.getElementById('caller').replaceChildren()");
        driver.findElement(By.cssSelector("#lookup button[type='submit']")).click();
        waiting.until(d -> !d.findElements(By.id("caller-key")).isEmpty() || !d.findElements(By.id("caller-unknown")).isEmpty()
                || !d.findElements(By.id("caller-refused")).isEmpty());
        List<WebElement> key = driver.findElements(By.id("caller-key"));
        return key.isEmpty() ? null : key.get(0).getText();
    }

    /** Signs in as another person and shows the approvals, as an executive does. */
    void showApprovals(String user, String password) {
        fill("user", user);
        fill("password", password);
        // The list of the person before goes first, so what is found next is this person's.
        driver.executeScript("document.getElementById('approvals').replaceChildren()");
        driver.findElement(By.id("load-approvals")).click();
    }

    WebElement pendingCard(String callerKey) {
        return waiting.until(d -> d.findElement(By.cssSelector("article.approval[data-subject='" + callerKey + "']")));
    }

    void fill(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
