package io.frontlineguard.rulemanagement;

import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.ruleset.Activation;
import io.frontlineguard.ruleset.ActiveRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /v1/rules}: the rule catalogue and reload status. */
@Path("/v1/rules")
public class RulesResource {

    private final ActiveRules active;
    private final RuleReloader reloader;

    RulesResource(ActiveRules active, RuleReloader reloader) {
        this.active = active;
        this.reloader = reloader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response catalogue() {
        Activation now = active.activation();
        if (now == null) {
            throw new ProblemException(ErrorCode.RULES_UNAVAILABLE, "no rules are in force yet");
        }
        return Response.ok(RuleCatalogueView.of(now, reloads(reloader))).build();
    }

    static RuleCatalogueView.Reloads reloads(RuleReloader reloader) {
        return new RuleCatalogueView.Reloads(reloader.successCount(), reloader.failureCount(),
                reloader.lastAttempt().orElse(null), reloader.history());
    }
}
