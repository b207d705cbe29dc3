package io.frontlineguard.authoring;

/** The command line's help text, the same words the README uses. */
final class Usage {

    static final String TEXT = """
            Frontline Guard commands for policy authors (no Java needed):

              check [dir]                         lint and compile the rules in dir (default: rules);
                                                  prints file:line:col: message for each problem
              test [dir]                          run the scenarios in dir against its rules; prints
                                                  failures, "N passed, N failed" and rule/lesson coverage
              diff <old-dir> <new-dir> [incidents.jsonl]
                                                  decide every scenario of both folders (and each JSON
                                                  incident, one per line) under both rule sets; prints
                                                  each decision whose actions changed
              help                                this text

            Exit codes: 0 all good; 1 problems (check), rules that do not compile, failing
            scenarios or gaps in coverage (test), or at least one changed decision (diff);
            2 wrong usage, a missing folder or file, or (diff) a folder whose rules do not compile.
            Without a command the service starts as usual.
            """;

    private Usage() {
    }
}
