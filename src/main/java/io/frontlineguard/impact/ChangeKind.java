package io.frontlineguard.impact;

/**
 * How a replayed decision differs from the logged one. One decision can show several kinds (an
 * action added and another's params changed); it is counted once under each. The order is the
 * order reports list them in: what the front line does first, then how the incident is judged.
 */
public enum ChangeKind {
    ACTION_ADDED("action added"),
    ACTION_REMOVED("action removed"),
    PARAMS_CHANGED("params changed"),
    HANDLING_CHANGED("handling changed"),
    ASSESSMENT_CHANGED("assessment changed"),
    /** The candidate failed on the incident (a rule that loops, for one): it would have answered nothing. */
    NOT_DECIDED("not decided by the candidate");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
