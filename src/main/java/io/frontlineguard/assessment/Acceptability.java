package io.frontlineguard.assessment;

/** Whether the means and manner are acceptable in light of the demand, strongest first. */
public enum Acceptability {
    NO, YES
}
