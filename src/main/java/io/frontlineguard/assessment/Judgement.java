package io.frontlineguard.assessment;

import java.util.List;

/**
 * The judgement as a fact the response rules match on, e.g. {@code Judgement(handling == Handling.POLICE)}.
 * Rules never insert it: the engine does, from the answers the judgement rules gave with
 * {@code actions.assess}, once every rule that could answer the fields a stage reads has fired
 * ({@code JudgementStages}). Each field is a finite chain whose answer only strengthens, so a
 * rule set whose stages the lint accepts reaches one judgement, whatever the order the rules fire in.
 */
public record Judgement(Handling handling, Harassment harassment, Justification demandJustified,
                        Acceptability meansAcceptable, List<BehaviourType> types) {

    public Judgement {
        types = List.copyOf(types);
    }
}
