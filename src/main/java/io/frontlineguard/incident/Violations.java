package io.frontlineguard.incident;

import java.util.ArrayList;
import java.util.List;

/** Collects violations during one read, so that the client learns about every problem in one round trip. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String path, ViolationCode code, String message) {
        found.add(new Violation(path, code, message));
    }

    void add(String path, ViolationCode code, String message, List<String> allowed) {
        found.add(new Violation(path, code, message, allowed));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidIncidentException(found);
        }
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
