package io.frontlineguard.incident;

/** Whether the caller is a private consumer or a business client. Spelling is fixed by the decision API contract. */
public enum CallerKind {
    CONSUMER, BUSINESS_CLIENT
}
