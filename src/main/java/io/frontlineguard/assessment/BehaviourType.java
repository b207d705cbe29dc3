package io.frontlineguard.assessment;

/**
 * The behaviour types a rule may find, after the national guidance's list of conduct that is
 * unacceptable (the labour ministry's employer manual, 2022; the Tokyo ordinance's guideline, 2024).
 * The first thirteen share their names with {@code Conduct}; the rest are found from demands and
 * from the case's history; {@code EXCESSIVE_DEMAND} from money demanded grossly beyond the loss at stake.
 */
public enum BehaviourType {
    VIOLENCE, THREAT, INTIMIDATION, VERBAL_ABUSE, DEMEANING, AUTHORITY_PRESSURE, DISCRIMINATION, SEXUAL_HARASSMENT,
    STALKING, PRIVATE_CONTACT, SITTING_IN, REPEATED_DEMAND, ONLINE_DEFAMATION,
    KNEELING_APOLOGY, EMPLOYEE_DISMISSAL, TIME_BINDING, REPEATED_CONTACT, EXCESSIVE_DEMAND
}
