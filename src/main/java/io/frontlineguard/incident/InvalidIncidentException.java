package io.frontlineguard.incident;

import java.util.List;
import java.util.stream.Collectors;

/** The request body cannot become an {@link Incident}; carries every violation found, not just the first. */
public final class InvalidIncidentException extends RuntimeException {

    private static final int VIOLATIONS_IN_MESSAGE = 5;

    private final transient List<Violation> violations;

    public InvalidIncidentException(List<Violation> violations) {
        // Bad client input is an expected outcome, not a bug: a stack trace would only be noise.
        super(summary(violations), null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid incident needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidIncidentException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        String shown = violations.stream()
                .limit(VIOLATIONS_IN_MESSAGE)
                .map(v -> (v.path().isEmpty() ? "body" : v.path()) + ": " + v.message())
                .collect(Collectors.joining("; "));
        int hidden = violations.size() - VIOLATIONS_IN_MESSAGE;
        return "invalid incident (" + violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + "): "
                + shown + (hidden > 0 ? "; and " + hidden + " more" : "");
    }
}
