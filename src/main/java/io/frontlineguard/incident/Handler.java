package io.frontlineguard.incident;

/**
 * Who handles the contact now. {@code namedBefore} comes from case memory: the caller demanded
 * this employee by name on an earlier contact of the case.
 */
public record Handler(String employeeId, Role role, boolean targetOfAnger, boolean namedBefore) {

    public Handler(String employeeId, Role role, boolean targetOfAnger) {
        this(employeeId, role, targetOfAnger, false);
    }
}
