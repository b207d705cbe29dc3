package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryJsonTest {

    private static final IncidentReader READER = new IncidentReader();

    private static Incident read(String json) {
        return READER.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldKeepTheRetryDigestFormOfAnIncidentWhenAFieldWithAZeroDefaultIsAdded() {
        Incident before = read("""
                {"incidentId": "R-1", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "store", "caller": {"callerId": "c-1"}}
                """);
        String form = MemoryJson.digestForm(before);
        // What an incident looked like before contactMinutes existed: the field is simply absent.
        assertFalse(form.contains("contactMinutes"), form);
        assertFalse(form.contains("keyAccount"), "false is the zero value and left out: " + form);
        assertTrue(form.contains("\"callerId\":\"c-1\""), form);
    }

    @Test
    void shouldStillTellApartRequestsThatDifferInAnyValue() {
        Incident calm = read("""
                {"incidentId": "R-2", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "store", "contactMinutes": 0}
                """);
        Incident longer = read("""
                {"incidentId": "R-2", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "store", "contactMinutes": 5}
                """);
        Incident unset = read("""
                {"incidentId": "R-2", "occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE",
                 "department": "store"}
                """);
        assertEquals(MemoryJson.digestForm(calm), MemoryJson.digestForm(unset));
        assertNotEquals(MemoryJson.digestForm(calm), MemoryJson.digestForm(longer));
    }
}
