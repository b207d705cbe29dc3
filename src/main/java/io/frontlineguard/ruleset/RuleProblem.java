package io.frontlineguard.ruleset;

/**
 * One thing wrong with a rules folder, located the way editors and CI annotate it:
 * {@code file:line:col: message}. Line and column are 0 when the source gives none. Every problem
 * refuses the folder; there are no warnings to ignore.
 */
public record RuleProblem(String file, int line, int column, String message) {

    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
