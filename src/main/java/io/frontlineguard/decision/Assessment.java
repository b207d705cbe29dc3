package io.frontlineguard.decision;

import io.frontlineguard.assessment.Acceptability;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.assessment.BehaviourType;
import io.frontlineguard.assessment.Handling;
import io.frontlineguard.assessment.Harassment;
import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.assessment.Justification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guidance's judgement of one incident, as the rules made it: is the demand justified, are the
 * means acceptable in light of it, is it harassment, and which behaviour types were found. Rules
 * answer; {@link #of} only keeps, for each field, the strongest answer and every rule that gave it.
 */
public record Assessment(Answer handling, Answer harassment, Answer demandJustified, Answer meansAcceptable,
                         List<Answer> types) {

    public static final Assessment NOTHING_FOUND = of(List.of());

    public Assessment {
        types = List.copyOf(types);
    }

    public static Assessment of(List<Finding> findings) {
        if (findings.isEmpty() && NOTHING_FOUND != null) {
            return NOTHING_FOUND;
        }
        Map<AssessmentField, List<Finding>> byField = new EnumMap<>(AssessmentField.class);
        for (Finding f : findings) {
            byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f);
        }
        return new Assessment(strongest(AssessmentField.HANDLING, byField), strongest(AssessmentField.HARASSMENT, byField),
                strongest(AssessmentField.DEMAND_JUSTIFIED, byField),
                strongest(AssessmentField.MEANS_ACCEPTABLE, byField),
                types(byField.getOrDefault(AssessmentField.TYPES, List.of())));
    }

    private static Answer strongest(AssessmentField field, Map<AssessmentField, List<Finding>> byField) {
        List<Finding> given = byField.getOrDefault(field, List.of());
        String best = field.unanswered();
        for (Finding f : given) {
            if (field.strength(f.value()) < field.strength(best)) {
                best = f.value();
            }
        }
        String value = best;
        return new Answer(value, given.stream().filter(f -> f.value().equals(value)).map(Finding::rule).toList());
    }

    /** Each type once, in the order of the type list, with all rules that found it. */
    private static List<Answer> types(List<Finding> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<Finding>> byType = new LinkedHashMap<>();
        for (String t : AssessmentField.TYPES.answers()) {
            List<Finding> these = found.stream().filter(f -> f.value().equals(t)).toList();
            if (!these.isEmpty()) {
                byType.put(t, these);
            }
        }
        List<Answer> out = new ArrayList<>();
        byType.forEach((t, fs) -> out.add(new Answer(t, fs.stream().map(Finding::rule).toList())));
        return out;
    }

    /** The answer to one of the three questions; types are a list, see {@link #types}. */
    public Answer answer(AssessmentField field) {
        return switch (field) {
            case HANDLING -> handling;
            case HARASSMENT -> harassment;
            case DEMAND_JUSTIFIED -> demandJustified;
            case MEANS_ACCEPTABLE -> meansAcceptable;
            case TYPES -> throw new IllegalArgumentException("types are a list of answers, not one");
        };
    }

    /** The answers as the fact response rules read: what a later stage of the rules sees. */
    public Judgement judgement() {
        return new Judgement(Handling.valueOf(handling.value()), Harassment.valueOf(harassment.value()),
                Justification.valueOf(demandJustified.value()), Acceptability.valueOf(meansAcceptable.value()),
                types.stream().map(t -> BehaviourType.valueOf(t.value())).toList());
    }

    public List<String> typeNames() {
        return types.stream().map(Answer::value).toList();
    }
}
