package io.frontlineguard.metrics;

import io.frontlineguard.incident.Contract;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics a closed set. Quarkus names a request by its
 * route template only once a resource method matched; a request refused before that (a wrong
 * credential's 401, a 405, a throttled address's 429) is named by the path the client sent. Such a
 * path can hold a caller id, /q/metrics is public, and every new path is a new series until Quarkus'
 * cap on URI tags is reached, after which real routes go uncounted. So every name is mapped to a
 * route of the contract (templates compared without their parameter names, and always written as
 * the contract writes them), one of Quarkus' own names, or a static folder; anything else is
 * {@value #UNMATCHED}.
 */
@Singleton
public class RouteTags {

    static final String UNMATCHED = "UNMATCHED";
    private static final String METER = "http.server.requests";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]*}");
    // Quarkus' own names, the route the match-patterns give paths beneath a caller, and the bench profile's baseline.
    private static final List<String> ALSO = List.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN", "/",
            "/v1/callers/{callerId}/*", "/bench/baseline");

    private final Map<String, String> routes = new HashMap<>();

    RouteTags() {
        Contract.get().document().path("paths").fieldNames().forEachRemaining(path -> routes.put(shape(path), path));
        ALSO.forEach(name -> routes.put(shape(name), name));
    }

    /** The name a request's metrics carry: a contract route, a Quarkus name, a static folder or UNMATCHED. */
    String name(String uri) {
        if (uri.startsWith("/console/") || uri.equals("/console")) {
            return "/console/*";
        }
        if (uri.startsWith("/q/")) {
            return "/q/*";
        }
        return routes.getOrDefault(shape(uri), UNMATCHED);
    }

    @Produces
    @Singleton
    MeterFilter closedRouteNames() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getName().equals(METER) ? id.getTag("uri") : null;
                if (uri == null) {
                    return id;
                }
                String named = name(uri);
                return named.equals(uri) ? id : id.replaceTags(replaced(id, named));
            }
        };
    }

    private static List<Tag> replaced(Meter.Id id, String uri) {
        return id.getTags().stream().map(t -> t.getKey().equals("uri") ? Tag.of("uri", uri) : t).toList();
    }

    private static String shape(String path) {
        return PARAMETER.matcher(path).replaceAll("{}");
    }
}
