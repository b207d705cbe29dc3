package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.config.Production;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start a production service whose admin endpoints are on but that nobody could
 * legitimately call: no built-in user with the {@code admin} role and no identity provider
 * (JWT key or OIDC server) configured. Nothing secret has a usable default outside dev and test,
 * so the fix is always to configure one; the message names the keys.
 */
@ApplicationScoped
public class AdminCredentialCheck {

    private static final Logger LOG = Logger.getLogger(AdminCredentialCheck.class);

    static final String ADMIN_ROLE = "admin";
    static final List<String> IDP_KEYS = List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey",
            "quarkus.oidc.auth-server-url");
    static final String SIGNING_KEY = "smallrye.jwt.sign.key";

    /** The passwords of the dev and test profiles' users (application.properties): published, so no secret. */
    static final List<String> PUBLISHED_PASSWORDS = List.of("crm-dev-only", "admin-dev-only", "clerk-dev-only", "officer-dev-only",
            "exec-dev-only", "chief-dev-only", "author-dev-only");

    void onStart(@Observes StartupEvent e, GuardConfig config, Config raw) {
        if (!Production.active()) {
            if (ConfigUtils.isProfileActive(Production.DEV_PROFILE)) {
                // The first thing someone trying the service needs: whom to sign in as.
                LOG.infof("dev profile: published users %s, each with the password <name>-dev-only; not for production",
                        String.join(", ", new TreeSet<>(config.security().users().keySet())));
            }
            return;
        }
        List<String> problems = new ArrayList<>(problems(config.admin().enabled(), config.security().users(),
                identityProviderKeys(k -> raw.getOptionalValue(k, String.class).filter(v -> !v.isBlank()))));
        problems.addAll(publishedPasswords(config.security().users()));
        // The bench profile may measure decisions without a credential beside ones with (AUTH_COMPARE).
        if (config.security().anonymousDepartments().filter(d -> !d.isEmpty()).isPresent()
                && !ConfigUtils.isProfileActive("bench")) {
            problems.add("guard.security.anonymous-departments lets requests without credentials decide; it is for the"
                    + " test profile only: give each calling system a user or a token instead");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    /**
     * Users whose password is one of the published dev passwords, whatever salt it was hashed
     * with. Costs one password hash per user and published password, once, at start-up.
     */
    static List<String> publishedPasswords(Map<String, GuardConfig.User> users) {
        List<String> problems = new ArrayList<>();
        users.forEach((name, user) -> {
            if (PasswordHash.wellFormed(user.passwordHash())
                    && PUBLISHED_PASSWORDS.stream().anyMatch(p -> PasswordHash.matches(p.toCharArray(), user.passwordHash()))) {
                problems.add("guard.security.users." + name + ".password-hash is the hash of a published dev password,"
                        + " which is no secret; hash a password of your own for production");
            }
        });
        return problems;
    }

    /**
     * The identity-provider keys that really point at an outside issuer. An inline public key
     * next to a signing key is the pair smallrye-jwt generates for {@code quarkus:run} and tests
     * (and a service holding the signing key could mint its own admin tokens), so it does not count.
     */
    static List<String> identityProviderKeys(Function<String, Optional<String>> config) {
        boolean generatedPair = config.apply(SIGNING_KEY).isPresent();
        return IDP_KEYS.stream()
                .filter(k -> config.apply(k).isPresent())
                .filter(k -> !(k.equals("mp.jwt.verify.publickey") && generatedPair))
                .toList();
    }

    /**
     * What is wrong with the access configuration, empty when nothing is.
     *
     * @param idpKeysSet the identity-provider keys ({@link #IDP_KEYS}) that have a value
     */
    static List<String> problems(boolean adminEnabled, Map<String, GuardConfig.User> users, List<String> idpKeysSet) {
        List<String> problems = new ArrayList<>();
        users.forEach((name, user) -> {
            if (!PasswordHash.wellFormed(user.passwordHash())) {
                problems.add("guard.security.users." + name + ".password-hash is not a hash made by "
                        + "io.frontlineguard.security.PasswordHash (expected pbkdf2-sha256:<iterations>:<salt>:<hash>)");
            }
        });
        boolean builtInAdmin = users.values().stream()
                .anyMatch(u -> u.roles().orElse(List.of()).contains(ADMIN_ROLE) && PasswordHash.wellFormed(u.passwordHash()));
        if (adminEnabled && !builtInAdmin && idpKeysSet.isEmpty()) {
            problems.add("admin endpoints are enabled (guard.admin.enabled=true) but no credential can reach them: "
                    + "configure a user with guard.security.users.<name>.password-hash and "
                    + "guard.security.users.<name>.roles=admin, or an identity provider with "
                    + String.join(" or ", IDP_KEYS) + ", or set guard.admin.enabled=false");
        }
        return problems;
    }
}
