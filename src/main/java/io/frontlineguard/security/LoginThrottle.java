package io.frontlineguard.security;

import io.frontlineguard.api.Problems;
import io.frontlineguard.api.v1.ErrorCode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Refuses a credential from a client address that failed too often, before authentication runs:
 * no password is hashed and no token verified for it. The user-name half of the throttle sits
 * in {@link ConfiguredUsersIdentityProvider}, where a credential already verified can still pass.
 * Failures are counted by {@link AccessProblems} when authentication refuses a credential.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Runs after CORS and before authentication. */
    static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 50;

    private final FailedLogins failures;
    private final Problems problems;

    LoginThrottle(FailedLogins failures, Problems problems) {
        this.failures = failures;
        this.problems = problems;
    }

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        if (failures.anyThrottled() && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            long retryAfter = failures.addressRetryAfter(address(ctx));
            if (retryAfter > 0) {
                refuse(ctx, retryAfter);
                return;
            }
        }
        ctx.next();
    }

    void refuse(RoutingContext ctx, long retryAfterSeconds) {
        problems.send(ctx, ErrorCode.TOO_MANY_FAILED_LOGINS, "too many failed sign-ins from this client address or for this"
                + " user name; try again in " + retryAfterSeconds + " s (guard.security.throttle.*)",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** Counts a refused credential against its client address and, for Basic, the user name it claimed. */
    void failed(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            failures.failed(basicUser(authorization), address(ctx));
        }
    }

    static String address(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /** The user name of a Basic credential, or null for another scheme or a malformed one. */
    static String basicUser(String authorization) {
        if (authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String plain = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return colon < 0 ? null : plain.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
