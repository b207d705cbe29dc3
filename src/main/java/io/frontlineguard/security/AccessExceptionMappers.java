package io.frontlineguard.security;

import io.frontlineguard.api.Problems;
import io.frontlineguard.api.v1.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals of the HTTP permissions (checked for REST resources, see application.properties) as
 * problem documents, instead of the framework's empty 401/403 responses.
 */
public class AccessExceptionMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext ctx) {
        return challenge(ctx);
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext ctx) {
        return challenge(ctx);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problems.response(ErrorCode.FORBIDDEN, Problems.FORBIDDEN, null);
    }

    private Uni<Response> challenge(RoutingContext ctx) {
        return AccessProblems.challengeHeaders(ctx).map(headers -> {
            Response.ResponseBuilder r = Response.fromResponse(problems.response(ErrorCode.UNAUTHORIZED, Problems.UNAUTHORIZED, null));
            headers.forEach(r::header);
            return r.build();
        });
    }
}
