package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The embedded identity store: users, password hashes and roles from
 * {@code guard.security.users.<name>.*}. It serves HTTP Basic authentication and needs no external
 * server; an operator with an identity provider configures JWT or OIDC instead and leaves this empty.
 * A credential seen before is recognised by its keyed hash ({@link VerifiedCredentials}); only a new
 * one pays for the deliberately slow PBKDF2, on {@link PasswordChecks}' own threads, and only while
 * its user name is not throttled ({@link FailedLogins}).
 */
@ApplicationScoped
public class ConfiguredUsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Map<String, GuardConfig.User> users;
    // Identities are immutable; one per user, built once, so a recognised credential allocates none.
    private final Map<String, SecurityIdentity> identities = new HashMap<>();
    private final VerifiedCredentials verified;
    private final PasswordChecks checks;
    private final FailedLogins failures;

    ConfiguredUsersIdentityProvider(GuardConfig config, VerifiedCredentials verified, PasswordChecks checks,
                                    FailedLogins failures) {
        this.users = config.security().users();
        users.forEach((name, user) -> identities.put(name, QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(new HashSet<>(user.roles().orElse(List.of())))
                .build()));
        this.verified = verified;
        this.checks = checks;
        this.failures = failures;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] password = request.getPassword().getPassword();
        byte[] fingerprint = verified.fingerprint(name, password);
        if (verified.isVerified(name, fingerprint)) {
            return Uni.createFrom().item(identity(name));
        }
        long retryAfter = failures.userRetryAfter(name);
        if (retryAfter > 0) {
            return Uni.createFrom().failure(new TooManyFailedLoginsException(retryAfter));
        }
        char[] copy = password.clone();
        Uni<SecurityIdentity> checked = Uni.createFrom().completionStage(() -> checks.submit(() -> check(name, copy, fingerprint)));
        // Resume on the request's own event loop, not on the password-check thread.
        Context vertx = Vertx.currentContext();
        return vertx == null ? checked : checked.emitOn(task -> vertx.runOnContext(ignored -> task.run()));
    }

    private SecurityIdentity check(String name, char[] password, byte[] fingerprint) {
        try {
            GuardConfig.User user = users.get(name);
            // Hash even for an unknown user, so response time does not reveal which names exist.
            String stored = user == null ? DUMMY_HASH : user.passwordHash();
            boolean ok = PasswordHash.matches(password, stored) && user != null;
            if (!ok) {
                throw new AuthenticationFailedException("wrong user name or password");
            }
            verified.remember(name, fingerprint);
            return identity(name);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private SecurityIdentity identity(String name) {
        return identities.get(name);
    }

    private static final String DUMMY_HASH = PasswordHash.hash("not a password of anyone".toCharArray());
}
