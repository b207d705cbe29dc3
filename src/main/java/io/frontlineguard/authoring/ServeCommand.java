package io.frontlineguard.authoring;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the one command that starts the decision service. Parsing it only records the
 * request; the caller starts Quarkus afterwards on the main thread, so the command line never holds
 * the service's stack and the JVM the user started is the service (a SIGTERM to it stops it).
 */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
        // One string per paragraph, wrapped by picocli (see AuthorCommands.Guard).
        description = {"Start the decision service on the rules in ./rules.",
                "Port 8080 (QUARKUS_HTTP_PORT); the rules of GUARD_RULES_DIR when set. Without --dev this is"
                        + " the production start: no users until you configure them, and the published dev"
                        + " passwords and keys are refused. Ctrl+C or SIGTERM stops it."})
public final class ServeCommand implements Callable<Integer> {

    public static final String NAME = "serve";

    @Option(names = "--dev", description = "the dev profile: published users crm, clerk, officer, exec, admin,"
            + " author (password <name>-dev-only) and dev keys, on localhost only; never for production")
    boolean dev;

    private boolean requested;

    @Override
    public Integer call() {
        requested = true;
        return AuthorCommands.OK;
    }

    /** Whether the arguments asked for the service (and not, say, for {@code serve --help}). */
    public boolean requested() {
        return requested;
    }

    /** Whether the service is to start in the dev profile. */
    public boolean dev() {
        return dev;
    }
}
