package io.frontlineguard.incident;

/** Where a demanded visit would take place. Spelling is fixed by the decision API contract. */
public enum Place {
    CUSTOMER_HOME, CUSTOMER_OFFICE, PUBLIC_PLACE, OTHER
}
