package io.frontlineguard.incident;

/** Handler roles, ordered from the front line upward: the order is what "highest role wins" compares. */
public enum Role {
    OPERATOR, LEADER, SUPERVISOR, MANAGER, EXECUTIVE
}
