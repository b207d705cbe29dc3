package io.frontlineguard.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The caller page where the incident's clock (+05:30) is not the browser's (Tokyo, +09:00): the
 * contact reads at the incident's own time, and a time of the service's own (when a change was made)
 * says which zone it is in, so the two clocks are never mixed unlabeled.
 */
@QuarkusTest
class CallerZonesBrowserTest extends ConsoleInBrowser {

    @Test
    void shouldShowTheContactAtTheIncidentsClockAndLabelTheServicesOwnTimes() {
        String caller = "tel:04" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"incidentId\":\"Z-" + caller + "\",\"caseId\":\"case-" + caller.substring(6) + "\",\"occurredAt\":\"2026-11-23T21:10:00+05:30\","
                + "\"channel\":\"PHONE\",\"department\":\"shop\",\"caller\":{\"callerId\":\"" + caller + "\"}}")
                .post("/v1/decisions").then().statusCode(200);
        given().auth().preemptive().basic("officer", "officer-dev-only").contentType(ContentType.JSON)
                .body("{\"flag\": \"BLOCKED\", \"source\": \"legal\", \"reason\": \"threatening letters\"}")
                .post("/v1/callers/" + caller + "/flags").then().statusCode(200);
        chooseLanguage("en");
        openPage("callers");
        page.lookUp("officer", caller);

        WebElement contact = wait.until(d -> d.findElement(By.cssSelector("table.contacts tbody tr td")));
        assertEquals("2026-11-23 21:10", contact.getText(), "the contact at the incident's own clock");
        assertTrue(driver.findElement(By.cssSelector("article.case h4")).getText().endsWith(" — 1 contact"),
                driver.findElement(By.cssSelector("article.case h4")).getText());
        WebElement change = driver.findElement(By.cssSelector("#history-table tr.change td"));
        assertTrue(change.getText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+09:00\\)"),
                "the service's own time with its zone: " + change.getText());
    }

    /**
     * Two contacts of one case, reported at different offsets (a branch in Tokyo, then one in
     * Delhi): each is shown at the local time of its own incident, to the minute, not both at the
     * case's offset. In both languages.
     */
    @Test
    void shouldShowEachContactAtTheOffsetOfItsOwnIncident() {
        String caller = "tel:05" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = "case-" + caller.substring(6);
        for (String[] contact : new String[][] {{"T", "2026-11-23T10:00:00+09:00"}, {"D", "2026-11-24T08:15:00+05:30"}}) {
            given().contentType(ContentType.JSON).body("{\"incidentId\":\"" + contact[0] + "-" + caller + "\",\"caseId\":\"" + caseId
                    + "\",\"occurredAt\":\"" + contact[1] + "\",\"channel\":\"PHONE\",\"department\":\"shop\","
                    + "\"caller\":{\"callerId\":\"" + caller + "\"}}").post("/v1/decisions").then().statusCode(200);
        }
        chooseLanguage("en");
        openPage("callers");
        page.lookUp("officer", caller);

        wait.until(d -> d.findElements(By.cssSelector("table.contacts tbody tr")).size() == 2);
        assertEquals(java.util.List.of("2026-11-23 10:00", "2026-11-24 08:15"), contactTimes());

        chooseLanguage("ja");
        wait.until(d -> contactTimes().get(0).contains("年"));
        assertEquals(java.util.List.of("2026年11月23日 10:00", "2026年11月24日 08:15"), contactTimes());
    }

    private java.util.List<String> contactTimes() {
        return driver.findElements(By.cssSelector("table.contacts tbody tr")).stream()
                .map(r -> r.findElement(By.tagName("td")).getText()).toList();
    }
}
