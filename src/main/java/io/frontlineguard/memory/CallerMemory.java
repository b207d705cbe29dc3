package io.frontlineguard.memory;

import io.frontlineguard.incident.PoliceInvolvement;
import java.util.Map;

/**
 * What the company remembers about one caller, whichever department learned it. A null source
 * means "not so": not blocked, never warned. Police involvement is the strongest ever reported.
 */
public record CallerMemory(Sourced<PoliceInvolvement> police, Source blocked, Source warned,
                           Map<String, Source> departments) {

    public static final CallerMemory NONE = new CallerMemory(null, null, null, Map.of());

    public CallerMemory {
        departments = Map.copyOf(departments);
    }

    /**
     * Both memories at once, toward the safer side: the stronger police involvement, blocked or
     * warned if either says so, every department. Each fact keeps its earliest source, so the
     * order in which two instances record the same facts does not matter.
     */
    public CallerMemory combine(CallerMemory other) {
        return new CallerMemory(stronger(police, other.police), Source.earlier(blocked, other.blocked),
                Source.earlier(warned, other.warned), Facts.union(departments, other.departments));
    }

    /** The same memory with the block lifted; police involvement and warnings stay. */
    public CallerMemory withoutBlock() {
        return new CallerMemory(police, null, warned, departments);
    }

    private static Sourced<PoliceInvolvement> stronger(Sourced<PoliceInvolvement> a, Sourced<PoliceInvolvement> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int order = a.value().compareTo(b.value());
        if (order != 0) {
            return order > 0 ? a : b;
        }
        return Sourced.of(a.value(), Source.earlier(a.source(), b.source()));
    }
}
