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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The embedded identity store: users, password hashes and roles from
 * {@code guard.security.users.<name>.*}. It serves HTTP Basic authentication and needs no external
 * server; an operator with an identity provider configures JWT or OIDC instead and leaves this empty.
 * Hash checks are deliberately slow (PBKDF2), so they run off the event loop.
 */
@ApplicationScoped
public class ConfiguredUsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final GuardConfig config;

    ConfiguredUsersIdentityProvider(GuardConfig config) {
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            GuardConfig.User user = config.security().users().get(request.getUsername());
            char[] password = request.getPassword().getPassword();
            // Hash even for an unknown user, so response time does not reveal which names exist.
            String stored = user == null ? DUMMY_HASH : user.passwordHash();
            boolean ok = PasswordHash.matches(password, stored) && user != null;
            if (!ok) {
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(request.getUsername()))
                    .addRoles(new java.util.HashSet<>(user.roles().orElse(List.of())))
                    .addCredential(request.getPassword())
                    .build();
        });
    }

    private static final String DUMMY_HASH = PasswordHash.hash("not a password of anyone".toCharArray());
}
