package io.frontlineguard.callingsystem;

import io.frontlineguard.config.GuardConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the current request speaks for, from its security identity: a built-in user's departments
 * come from {@code guard.security.users.<name>.departments}, a bearer token's from its
 * departments claim ({@code guard.security.jwt.departments-claim}), an anonymous request's from
 * {@code guard.security.anonymous-departments} (set in the test profile only).
 */
@ApplicationScoped
public class CallingSystems {

    public static final String ANONYMOUS = "anonymous";

    private final SecurityIdentity identity;
    private final Map<String, CallingSystem> users = new HashMap<>();
    private final CallingSystem anonymous;
    private final String claim;

    CallingSystems(SecurityIdentity identity, GuardConfig config) {
        this.identity = identity;
        GuardConfig.Security security = config.security();
        security.users().forEach((name, user) -> users.put(name, new CallingSystem(name,
                CallingSystem.parse(user.departments().orElse(List.of())), "guard.security.users." + name + ".departments")));
        this.anonymous = new CallingSystem(ANONYMOUS, CallingSystem.parse(security.anonymousDepartments().orElse(List.of())),
                "guard.security.anonymous-departments");
        this.claim = security.jwt().departmentsClaim();
    }

    /** The calling system of the request being served. */
    public CallingSystem current() {
        return of(identity);
    }

    CallingSystem of(SecurityIdentity id) {
        if (id == null || id.isAnonymous()) {
            return anonymous;
        }
        String name = id.getPrincipal().getName();
        if (id.getPrincipal() instanceof JsonWebToken token) {
            return new CallingSystem(name, CallingSystem.parse(claimValues(token.getClaim(claim))),
                    "the token's '" + claim + "' claim (guard.security.jwt.departments-claim)");
        }
        CallingSystem user = users.get(name);
        return user != null ? user : new CallingSystem(name, Set.of(), "guard.security.users." + name + ".departments");
    }

    /** A claim as smallrye-jwt hands it over: a JSON array, a set of strings, or one comma-separated string. */
    static List<String> claimValues(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                values.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (value instanceof JsonString s) {
            values.add(s.getString());
        } else if (value != null) {
            values.add(value.toString());
        }
        return values;
    }
}
