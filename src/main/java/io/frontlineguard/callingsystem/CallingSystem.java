package io.frontlineguard.callingsystem;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The system a request speaks for (a CRM, a call-centre platform) and the departments it may
 * speak for. The name is the authenticated principal's; memory records it as the source of
 * what the system asserted. A system bound to no department may decide for none: forgetting to
 * configure the binding must not open every department.
 *
 * @param name        the principal's name, {@code anonymous} where anonymous decisions are allowed
 * @param departments the departments it may speak for; {@link #ALL} among them means every one
 * @param bindingKey  where the binding is configured, named in refusals so an operator can fix it
 */
public record CallingSystem(String name, Set<String> departments, String bindingKey) {

    /** In a binding: every department. */
    public static final String ALL = "*";

    public CallingSystem {
        departments = Collections.unmodifiableSet(new TreeSet<>(departments));
    }

    /** The departments from configuration or a claim: trimmed, blanks dropped. */
    static Set<String> parse(Collection<String> values) {
        Set<String> parsed = new TreeSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(part.strip());
                }
            }
        }
        return parsed;
    }

    public boolean mayDecideFor(String department) {
        return departments.contains(ALL) || departments.contains(department);
    }

    /** The first department among these the system may not speak for, if any. */
    public Optional<String> firstRefused(Collection<String> requested) {
        return requested.stream().filter(d -> !mayDecideFor(d)).findFirst();
    }

    /** Why a request for {@code department} is refused, for the problem document. */
    public String refusal(String department) {
        String may = departments.isEmpty()
                ? "it may speak for no department: a calling system without a department binding speaks for none ("
                        + bindingKey + ", comma-separated, * for all)"
                : "it may speak for " + String.join(", ", departments) + " (" + bindingKey + ")";
        return "calling system '" + name + "' may not speak for department '" + department + "'; " + may
                + "; nothing was decided or recorded";
    }
}
