package io.frontlineguard.assessment;

/** Whether the demand is justified, strongest first: one unjustified demand makes it {@code NO}. */
public enum Justification {
    NO, YES, UNKNOWN
}
