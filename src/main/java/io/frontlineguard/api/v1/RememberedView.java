package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.format.DateTimeFormatter;
import io.frontlineguard.incident.Remembered;

/** One fact case memory contributed to the decision, and where it was established (wire format v1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fact", "value", "department", "decisionId", "at"})
public record RememberedView(String fact, Object value, String department, String decisionId, String at) {

    static RememberedView of(Remembered r) {
        return new RememberedView(r.fact(), r.value(), r.department(), r.decisionId(),
                r.at() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.at()));
    }
}
