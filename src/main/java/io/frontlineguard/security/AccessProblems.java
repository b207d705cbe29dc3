package io.frontlineguard.security;

import io.frontlineguard.api.Problems;
import io.frontlineguard.api.v1.ErrorCode;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
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

    private final Problems problems;
    private final LoginThrottle throttle;

    AccessProblems(Problems problems, LoginThrottle throttle) {
        this.problems = problems;
        this.throttle = throttle;
    }

    void install(@Observes Router router) {
        router.route().order(-2000).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        TooManyFailedLoginsException throttled = cause(failure, TooManyFailedLoginsException.class);
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (throttled != null) {
            throttle.refuse(ctx, throttled.retryAfterSeconds());
        } else if (cause(failure, CredentialCheckBusyException.class) != null) {
            problems.send(ctx, ErrorCode.CREDENTIAL_CHECK_BUSY, "every password check is busy; a credential verified"
                    + " before is not affected, try again shortly", Map.of("Retry-After", "1"));
        } else if (failure instanceof AuthenticationFailedException) {
            throttle.failed(ctx);
            challenge(ctx);
        } else if (failure instanceof ForbiddenException || (failure == null && status == 403)) {
            problems.send(ctx, ErrorCode.FORBIDDEN, Problems.FORBIDDEN, Map.of());
        } else if (failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException || (failure == null && status == 401)) {
            challenge(ctx);
        } else {
            ctx.next();
        }
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private void challenge(RoutingContext ctx) {
        challengeHeaders(ctx).subscribe().with(headers -> problems.send(ctx, ErrorCode.UNAUTHORIZED, Problems.UNAUTHORIZED, headers));
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
}
