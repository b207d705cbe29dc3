package io.frontlineguard.assessment;

/** The guidance's conclusion: harassment found, awaiting the facts, or not found; strongest first. */
public enum Harassment {
    YES, UNDETERMINED, NO
}
