package io.frontlineguard.memory;

import io.frontlineguard.incident.PoliceInvolvement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The facts a person may correct, and the values each takes. {@code caller.blocked} is not one of
 * them: undoing a block is a lift, which needs the executive's approval (lesson L000-3).
 */
public final class Corrections {

    public static final String POLICE = "caller.policeInvolvement";
    public static final String WARNED = "caller.warnedBefore";

    /** Correctable fact → the values it may be corrected to, as the request spells them. */
    public static final Map<String, List<String>> VALUES = Map.of(
            POLICE, Arrays.stream(PoliceInvolvement.values()).map(Enum::name).toList(),
            WARNED, List.of("true", "false"));

    private Corrections() {
    }

    /** A fact's value in memory now, spelled as a correction would set it. */
    static String current(CallerMemory m, String fact) {
        return switch (fact) {
            case POLICE -> m.police() == null ? PoliceInvolvement.NONE.name() : m.police().value().name();
            case WARNED -> String.valueOf(m.warned() != null);
            default -> throw new IllegalArgumentException("not a correctable fact: " + fact);
        };
    }
}
