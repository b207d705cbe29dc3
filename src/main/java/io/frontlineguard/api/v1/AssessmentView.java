package io.frontlineguard.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.frontlineguard.decision.Answer;
import io.frontlineguard.decision.Assessment;
import java.util.List;

/**
 * The assessment as clients receive it (wire format v1): each answer with the rules and lessons behind it,
 * the handling first because it is what the front line acts on.
 */
@JsonPropertyOrder({"handling", "harassment", "demandJustified", "meansAcceptable", "types"})
public record AssessmentView(AnswerView handling, AnswerView harassment, AnswerView demandJustified, AnswerView meansAcceptable,
                             List<TypeView> types) {

    @JsonPropertyOrder({"value", "rules", "lessons"})
    public record AnswerView(String value, List<String> rules, List<String> lessons) {
        static AnswerView of(Answer a) {
            return new AnswerView(a.value(), a.ruleNames(), a.lessons());
        }
    }

    @JsonPropertyOrder({"type", "rules", "lessons"})
    public record TypeView(String type, List<String> rules, List<String> lessons) {
        static TypeView of(Answer a) {
            return new TypeView(a.value(), a.ruleNames(), a.lessons());
        }
    }

    public static AssessmentView of(Assessment a) {
        return new AssessmentView(AnswerView.of(a.handling()), AnswerView.of(a.harassment()), AnswerView.of(a.demandJustified()),
                AnswerView.of(a.meansAcceptable()), a.types().stream().map(TypeView::of).toList());
    }
}
