package io.frontlineguard.rulemanagement;

import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a compiled rule set is in force. */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final ActiveRules rules;

    RulesReadiness(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        RuleSet active = rules.get();
        if (active == null) {
            return HealthCheckResponse.down("rules");
        }
        return HealthCheckResponse.named("rules").up()
                .withData("rulesetVersion", active.version())
                .withData("rules", active.rules().size())
                .build();
    }
}
