package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Action;
import java.util.List;
import java.util.Map;

/** An action as clients receive it (wire format v1). */
@JsonPropertyOrder({"code", "params", "rules", "lessons", "reason"})
public record ActionView(String code, Map<String, Object> params, List<String> rules, List<String> lessons, String reason) {

    public static ActionView of(Action a, String language) {
        return new ActionView(a.code().name(), a.params(), a.ruleNames(), a.lessons(), a.reason(language));
    }
}
