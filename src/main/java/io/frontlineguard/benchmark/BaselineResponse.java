package io.frontlineguard.benchmark;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The baseline's answer: a decision's envelope with no actions, plus padding to a chosen size. */
@JsonPropertyOrder({"decisionId", "incidentId", "rulesetVersion", "language", "actions", "overridden", "padding"})
public record BaselineResponse(String decisionId, String incidentId, String rulesetVersion, String language,
                               List<Object> actions, List<Object> overridden, String padding) {

    /** The serialised size with an empty padding; the fixed part is counted from the JSON written below. */
    static int sizeWithoutPadding(String incidentId, String version, String language) {
        // {"decisionId":"<36>","incidentId":"…","rulesetVersion":"…","language":"..","actions":[],"overridden":[],"padding":""}
        // A missing incidentId is written as null: two characters more than the empty string's quotes.
        int id = incidentId == null ? 2 : incidentId.length();
        return FIXED + 36 + id + version.length() + language.length();
    }

    private static final int FIXED = ("{\"decisionId\":\"\",\"incidentId\":\"\",\"rulesetVersion\":\"\",\"language\":\"\","
            + "\"actions\":[],\"overridden\":[],\"padding\":\"\"}").length();
}
