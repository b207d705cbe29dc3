package io.frontlineguard.incident;

/** The API's path form for violations: {@code caller.policeInvolvement}, {@code demands[1].type}. */
final class Violations {

    private Violations() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
