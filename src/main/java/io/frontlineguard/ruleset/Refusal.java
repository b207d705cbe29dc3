package io.frontlineguard.ruleset;

/**
 * Why the sandbox refuses a piece of rule text, at an offset into that text. Thrown by the
 * grammars to stop at the first thing they cannot accept; it carries no stack trace because it is
 * an answer for an author, not a failure of the service.
 */
final class Refusal extends RuntimeException {

    final int offset;

    Refusal(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    Refusal(DrlTokens.Token at, String message) {
        this(at.offset(), message);
    }
}
