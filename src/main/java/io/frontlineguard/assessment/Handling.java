package io.frontlineguard.assessment;

/**
 * How the contact is handled, strongest first (issue 29): a complaint answered sincerely, harassment
 * the organisation responds to, or a matter for the police. Response rules read it from {@link Judgement}.
 */
public enum Handling {
    POLICE, HARASSMENT, COMPLAINT
}
