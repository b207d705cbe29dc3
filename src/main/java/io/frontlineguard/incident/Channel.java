package io.frontlineguard.incident;

/** How a contact reached the company. Spelling is fixed by the decision API contract. */
public enum Channel {
    PHONE, EMAIL, CHAT, IN_PERSON, LETTER, SNS
}
