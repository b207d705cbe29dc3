package io.frontlineguard.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its own chromedriver: nothing is downloaded (Selenium Manager
 * is never asked, since both paths are given). .ci/run installs the packages when missing; on a
 * developer's machine without them the browser tests are skipped with that advice, on CI they fail.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    private Browser() {
    }

    static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String advice = "the console's browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver, or run bash .ci/run)";
        if (!installed) {
            if (System.getenv("CI") != null) {
                Assertions.fail(advice);
            }
            Assumptions.abort(advice);
        }
        try {
            Path profile = Files.createTempDirectory("guard-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The flags keep Chromium from reaching out to the network, which is closed here anyway.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--no-first-run", "--lang=ja", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en"));
            // Tokyo time, as a Japanese case officer's browser has it, whatever the test machine's zone:
            // the console shows the service's UTC times in the browser's zone where no incident gives one.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort()
                    .withEnvironment(Map.of("TZ", "Asia/Tokyo")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A wait for the console's pages. A section re-renders when an answer arrives, which can be
     * between finding an element and reading it: look again then.
     */
    static WebDriverWait waitFor(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the console as a first-time visitor would: desktop size, nothing remembered, page ready. */
    static void openFresh(ChromeDriver driver, WebDriverWait wait, URL console) {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(console.toString());
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }
}
