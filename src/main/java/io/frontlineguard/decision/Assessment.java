package io.frontlineguard.decision;

import io.frontlineguard.assessment.Acceptability;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.assessment.BehaviourType;
import io.frontlineguard.assessment.Handling;
import io.frontlineguard.assessment.Harassment;
import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.assessment.Justification;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.ArrayList;
import java.util.List;

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
        // Once per decision, over a handful of findings: plain loops, no map or stream (issue 32).
        return new Assessment(strongest(AssessmentField.HANDLING, findings), strongest(AssessmentField.HARASSMENT, findings),
                strongest(AssessmentField.DEMAND_JUSTIFIED, findings), strongest(AssessmentField.MEANS_ACCEPTABLE, findings),
                types(findings));
    }

    private static Answer strongest(AssessmentField field, List<Finding> findings) {
        int best = field.strength(field.unanswered());
        for (Finding f : findings) {
            if (f.field() == field) {
                best = Math.min(best, field.strength(f.value()));
            }
        }
        return new Answer(field.answers().get(best), rulesGiving(field, field.answers().get(best), findings));
    }

    /** Each type once, in the order of the type list, with all rules that found it. */
    private static List<Answer> types(List<Finding> findings) {
        long found = 0;
        for (Finding f : findings) {
            if (f.field() == AssessmentField.TYPES) {
                found |= 1L << AssessmentField.TYPES.strength(f.value());
            }
        }
        if (found == 0) {
            return List.of();
        }
        List<Answer> out = new ArrayList<>(Long.bitCount(found));
        for (long left = found; left != 0; left &= left - 1) {
            String type = AssessmentField.TYPES.answers().get(Long.numberOfTrailingZeros(left));
            out.add(new Answer(type, rulesGiving(AssessmentField.TYPES, type, findings)));
        }
        return out;
    }

    private static List<RuleInfo> rulesGiving(AssessmentField field, String value, List<Finding> findings) {
        List<RuleInfo> rules = new ArrayList<>(2);
        for (Finding f : findings) {
            if (f.field() == field && f.value().equals(value)) {
                rules.add(f.rule());
            }
        }
        return rules;
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
