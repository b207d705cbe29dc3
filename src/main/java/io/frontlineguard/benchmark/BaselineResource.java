package io.frontlineguard.benchmark;

import io.frontlineguard.api.BodyLimit;
import io.frontlineguard.api.Language;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.ActiveRules;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /bench/baseline?bytes=N}: everything {@code POST /v1/decisions} does except evaluating
 * rules. It reads and validates the same request the same way, on the event loop as that endpoint
 * does (so neither pays a hop to a worker thread the other does not), and answers with a JSON document of
 * the decision's shape padded to {@code N} bytes, so an HTTP benchmark can compare the two and see
 * what the rules add. It answers only where {@code guard.bench.baseline=true} (the bench profile), else 404.
 */
@Path("/bench/baseline")
public class BaselineResource {

    private final boolean enabled;
    private final IncidentReader reader = new IncidentReader();
    private final BodyLimit limit;
    private final ActiveRules rules;
    private final Padding padding = new Padding();

    BaselineResource(GuardConfig config, BodyLimit limit, ActiveRules rules) {
        this.enabled = config.bench().baseline();
        this.limit = limit;
        this.rules = rules;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BaselineResponse baseline(byte[] body, @Context HttpHeaders headers,
                                     @QueryParam("bytes") @DefaultValue("0") int bytes) {
        if (!enabled) {
            throw new NotFoundException();
        }
        limit.check(body, false);
        Incident incident = reader.read(body);
        String language = Language.of(headers);
        String version = rules.get().version();
        String id = incident.incidentId();
        return new BaselineResponse(UUID.randomUUID().toString(), id, version, language, List.of(), List.of(),
                padding.toReach(bytes, BaselineResponse.sizeWithoutPadding(id, version, language)));
    }
}
