package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import java.util.List;

/** The outcome of the resolution step: the surviving actions, what they replaced, and the assessment. */
public record Resolution(List<Action> actions, List<Overridden> overridden, Assessment assessment) {

    public Resolution(List<Action> actions, List<Overridden> overridden) {
        this(actions, overridden, Assessment.NOTHING_FOUND);
    }

    public boolean has(ActionCode code) {
        return actions.stream().anyMatch(a -> a.code() == code);
    }
}
