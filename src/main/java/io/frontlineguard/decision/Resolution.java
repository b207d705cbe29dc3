package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import java.util.List;

/** The outcome of the resolution step: the surviving actions and what they replaced. */
public record Resolution(List<Action> actions, List<Overridden> overridden) {

    public boolean has(ActionCode code) {
        return actions.stream().anyMatch(a -> a.code() == code);
    }
}
