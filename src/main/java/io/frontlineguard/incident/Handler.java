package io.frontlineguard.incident;

/** Who handles the contact now. */
public record Handler(String employeeId, Role role, boolean targetOfAnger) {
}
