package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Overridden;
import java.util.List;
import java.util.Map;

/** An action resolution replaced, and the action that replaced it (wire format v1). */
@JsonPropertyOrder({"code", "params", "rules", "lessons", "reason", "replacedBy"})
public record OverriddenView(String code, Map<String, Object> params, List<String> rules, List<String> lessons,
                             String reason, Replacement replacedBy) {

    public record Replacement(String code, Map<String, Object> params) {
    }

    public static OverriddenView of(Overridden o, String language) {
        ActionView a = ActionView.of(o.action(), language);
        return new OverriddenView(a.code(), a.params(), a.rules(), a.lessons(), a.reason(),
                new Replacement(o.replacedBy().code().name(), o.replacedBy().params()));
    }
}
