package io.frontlineguard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.api.ErrorCode;
import io.frontlineguard.api.v1.Problem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the HTTP layer's authentication and authorization refusals into problem documents: 401
 * {@code UNAUTHORIZED} with the {@code WWW-Authenticate} challenge of the configured mechanisms,
 * 403 {@code FORBIDDEN}. Wrong credentials are refused here, before any resource runs; path
 * permissions are checked once the REST layer matched the resource ({@code applies-to=JAXRS}) and
 * end in {@link AccessExceptionMappers}.
 */
@ApplicationScoped
public class AccessProblems {

    static final String FALLBACK_CHALLENGE = "Basic realm=\"frontline-guard\"";

    private final String unauthorized;
    private final String forbidden;

    AccessProblems(ObjectMapper json) throws Exception {
        this.unauthorized = json.writeValueAsString(Problem.of(ErrorCode.UNAUTHORIZED,
                "valid credentials are required for this path"));
        this.forbidden = json.writeValueAsString(Problem.of(ErrorCode.FORBIDDEN,
                "the authenticated caller lacks the role this path requires"));
    }

    void install(@Observes Router router) {
        router.route().order(-2000).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof ForbiddenException || (failure == null && status == 403)) {
            send(ctx, 403, forbidden);
        } else if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException || (failure == null && status == 401)) {
            challenge(ctx);
        } else {
            ctx.next();
        }
    }

    private void challenge(RoutingContext ctx) {
        challengeHeaders(ctx).subscribe().with(headers -> {
            headers.forEach((name, value) -> ctx.response().putHeader(name, value));
            send(ctx, 401, unauthorized);
        });
    }

    /**
     * The challenge headers of the configured authentication mechanisms (Basic, and Bearer when
     * an identity provider is set up), so a client learns how to authenticate.
     */
    static Uni<Map<String, String>> challengeHeaders(RoutingContext ctx) {
        HttpAuthenticator authenticator = ctx.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Map.of("WWW-Authenticate", FALLBACK_CHALLENGE));
        }
        return authenticator.getChallenge(ctx)
                .map(AccessProblems::headersOf)
                .onFailure().recoverWithItem(Map.of("WWW-Authenticate", FALLBACK_CHALLENGE));
    }

    private static Map<String, String> headersOf(ChallengeData c) {
        if (c == null || c.getHeaders() == null || c.getHeaders().isEmpty()) {
            return Map.of("WWW-Authenticate", FALLBACK_CHALLENGE);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        c.getHeaders().forEach((name, value) -> headers.put(name.toString(), value));
        return headers;
    }

    private static void send(RoutingContext ctx, int status, String body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        }
    }
}
