package io.frontlineguard.ruleset;

/**
 * One thing wrong with a rules folder, located the way editors and CI annotate it:
 * {@code file:line:col: message}. Line and column are 0 when the source gives none.
 */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, Severity.ERROR, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
