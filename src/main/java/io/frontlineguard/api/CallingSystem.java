package io.frontlineguard.api;

import io.quarkus.security.identity.SecurityIdentity;

/** The calling system of a request: the authenticated principal's name, "anonymous" where anonymous access is allowed. */
final class CallingSystem {

    private CallingSystem() {
    }

    static String of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
