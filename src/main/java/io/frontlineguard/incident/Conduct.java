package io.frontlineguard.incident;

/**
 * Behaviour observed in a contact. Spelling is fixed by the decision API contract. The last four
 * follow the national guidance: {@code SITTING_IN} refusing to leave or holding staff in place,
 * {@code REPEATED_DEMAND} the same demand again after the company answered it,
 * {@code PRIVATE_CONTACT} seeking an employee's private contact or a meeting outside work.
 */
public enum Conduct {
    VERBAL_ABUSE, DEMEANING, AUTHORITY_PRESSURE, INTIMIDATION, THREAT, VIOLENCE, SEXUAL_HARASSMENT, STALKING,
    ONLINE_DEFAMATION, DISCRIMINATION, SITTING_IN, REPEATED_DEMAND, PRIVATE_CONTACT
}
