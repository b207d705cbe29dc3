package io.frontlineguard;

import io.frontlineguard.authoring.AuthorCommands;
import io.frontlineguard.authoring.ServeCommand;
import io.frontlineguard.config.Production;
import io.frontlineguard.ruleset.EngineWarmUp;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One jar, two uses. Without arguments (the container image's entry point) or with {@code serve}
 * it starts the decision service on this thread, so the JVM the user started is the service and a
 * SIGTERM to it stops it; every other argument list is a command of the command line ({@code
 * check}, {@code test}, {@code diff}, {@code impact}, {@code help}, {@code --version}, or a usage
 * error), which runs on plain Java and exits with its code without starting anything.
 */
@QuarkusMain
public final class GuardMain {

    private GuardMain() {
    }

    public static void main(String... args) {
        boolean dev = false;
        if (args.length > 0) {
            if (!ServeCommand.NAME.equals(args[0])) {
                AuthorCommands.quietenRuleEngineLogs();
            }
            AuthorCommands commands = new AuthorCommands();
            int code = commands.run(args, System.out, System.err);
            if (!commands.serve().requested()) {
                System.exit(code);
            }
            dev = commands.serve().dev();
        }
        if (dev) {
            // Before Quarkus reads its configuration: the profile decides which users and keys exist.
            System.setProperty("quarkus.profile", Production.DEV_PROFILE);
        }
        // In parallel with Quarkus' boot, the cold first use of the rule compiler (issue 11);
        // -Dfrontlineguard.warm-up=false leaves it out, for the start-up benchmark's comparison (a
        // system property outside "guard.", which Quarkus would reject as an unknown mapping key).
        if (!"false".equals(System.getProperty("frontlineguard.warm-up"))) {
            EngineWarmUp.start();
        }
        Quarkus.run();
    }
}
