package io.frontlineguard.incident;

/** Behaviour observed in a contact. Spelling is fixed by the decision API contract. */
public enum Conduct {
    VERBAL_ABUSE, DEMEANING, AUTHORITY_PRESSURE, INTIMIDATION, THREAT, VIOLENCE, SEXUAL_HARASSMENT, STALKING, ONLINE_DEFAMATION
}
