package io.frontlineguard.console;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every console browser test shares: one headless Chromium for the test class ({@link Browser}),
 * the console opened as a first-time visitor before each test, and the moves a person makes on any
 * page. A test class keeps only what is its own: its profile, the page it starts on, its steps.
 */
abstract class ConsoleInBrowser {

    /** Text with at least one kana or kanji: a word the page shows in Japanese. */
    static final Pattern JAPANESE = Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9fff]");

    @TestHTTPResource("/console")
    URL console;

    static ChromeDriver driver;
    static WebDriverWait wait;
    static CallerPage page;

    @BeforeAll
    static void startTheBrowser() {
        driver = Browser.start();
        wait = Browser.waitFor(driver);
        page = new CallerPage(driver, wait);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void openTheConsole() {
        Browser.openFresh(driver, wait, console);
    }

    /** Follows the header's link to one of the pages: try, rules, scenarios, callers. */
    static void openPage(String name) {
        driver.findElement(By.cssSelector("nav a[data-page='" + name + "']")).click();
    }

    static void chooseLanguage(String lang) {
        new Select(driver.findElement(By.id("lang"))).selectByValue(lang);
    }

    /** Types the incident as JSON and decides it; the answer before is cleared, so what is found next is this one's. */
    static void decide(String json) {
        driver.findElement(By.id("tab-json")).click();
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-json")));
        editor.clear();
        editor.sendKeys(json);
        driver.executeScript("document.getElementById('answer').replaceChildren()");
        driver.findElement(By.id("decide")).click();
    }
}
