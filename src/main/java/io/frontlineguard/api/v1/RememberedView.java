package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.format.DateTimeFormatter;
import io.frontlineguard.incident.Remembered;

/**
 * One fact case memory contributed to the decision, and where it was established (wire format v1):
 * who asserted it and when the service received it; the decision id only for the requesting
 * system's own decisions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fact", "value", "department", "decisionId", "at", "assertedBy", "receivedAt"})
public record RememberedView(String fact, Object value, String department, String decisionId, String at,
                             String assertedBy, String receivedAt) {

    static RememberedView of(Remembered r) {
        return new RememberedView(r.fact(), r.value(), r.department(), r.decisionId(),
                r.at() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.at()), r.assertedBy(),
                r.receivedAt() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.receivedAt()));
    }
}
