package io.frontlineguard;

import io.frontlineguard.authoring.AuthorCommands;
import io.frontlineguard.ruleset.EngineWarmUp;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One jar, two uses: with an authoring command ({@code check}, {@code test}, {@code diff}, {@code impact},
 * {@code help}) it runs that command on plain Java and exits with its code, without starting the
 * service; with anything else it starts the decision service exactly as before.
 */
@QuarkusMain
public final class GuardMain {

    private GuardMain() {
    }

    public static void main(String... args) {
        if (AuthorCommands.handles(args)) {
            AuthorCommands.quietenRuleEngineLogs();
            System.exit(new AuthorCommands().run(args, System.out, System.err));
        }
        // In parallel with Quarkus' boot, the cold first use of the rule compiler (issue 11);
        // -Dfrontlineguard.warm-up=false leaves it out, for the start-up benchmark's comparison (a
        // system property outside "guard.", which Quarkus would reject as an unknown mapping key).
        if (!"false".equals(System.getProperty("frontlineguard.warm-up"))) {
            EngineWarmUp.start();
        }
        Quarkus.run(args);
    }
}
