package io.frontlineguard.authoring;

import io.frontlineguard.ruleset.RuleProblem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rules folder as the author named it on the command line. Problems carry paths relative to
 * the folder; printed here they start with the folder as given, so the author (or an editor, or
 * CI) can open {@code rules/visits.drl:12:5} straight from the output.
 */
record RulesFolder(String given, Path path) {

    static RulesFolder of(String given) {
        return new RulesFolder(given, Path.of(given));
    }

    boolean exists() {
        return Files.isDirectory(path);
    }

    /** A file inside the folder, spelt from the folder as given. */
    String display(String file) {
        if (file == null || file.isEmpty() || file.equals("?")) {
            return given;
        }
        Path f = Path.of(file);
        if (f.isAbsolute()) {
            return f.equals(path.toAbsolutePath().normalize()) ? given : file;
        }
        if (given.equals(".") || given.equals("./")) {
            return file;
        }
        return given.endsWith("/") ? given + file : given + "/" + file;
    }

    /** One problem, one line: {@code file:line:col: message}. */
    String format(RuleProblem p) {
        String message = p.message().replaceAll("\\s*\\R\\s*", " ").strip();
        return display(p.file()) + ":" + Math.max(0, p.line()) + ":" + Math.max(0, p.column()) + ": " + message;
    }
}
