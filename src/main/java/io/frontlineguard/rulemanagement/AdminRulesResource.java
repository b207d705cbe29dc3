package io.frontlineguard.rulemanagement;

import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.RuleError;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.ruleset.ActiveRules;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /v1/admin/rules/reload}. Runs on a worker thread (a blocking JAX-RS method), so the
 * build and the scenario run never occupy the event loop. Access is decided by the HTTP
 * permissions in application.properties (role {@code admin}).
 */
@Path("/v1/admin/rules")
public class AdminRulesResource {

    private final RuleReloader reloader;
    private final ActiveRules active;
    private final GuardConfig config;

    AdminRulesResource(RuleReloader reloader, ActiveRules active, GuardConfig config) {
        this.reloader = reloader;
        this.active = active;
        this.config = config;
    }

    @POST
    @Path("/reload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reload() {
        if (!config.admin().enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "admin endpoints are off (guard.admin.enabled=false)");
        }
        ReloadAttempt attempt = reloader.reload("api");
        if (!attempt.succeeded()) {
            throw new ProblemException(ErrorCode.RULES_REJECTED, attempt.problems().size()
                    + " problem(s); version " + active.get().version() + " stays in force",
                    java.util.stream.IntStream.range(0, attempt.problems().size()).mapToObj(i -> new RuleError(attempt.problems().get(i),
                            i < attempt.details().size() ? attempt.details().get(i) : null)).toList());
        }
        return Response.ok(RuleCatalogueView.of(active.activation(), RulesResource.reloads(reloader))).build();
    }
}
