package io.frontlineguard.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Some HTTP clients (REST Assured among them) percent-encode the colon of {@code /v1/decisions:batch};
 * JAX-RS matches the raw colon only, so the encoded form is routed to the same resource.
 */
@ApplicationScoped
public class CustomMethodPaths {

    private static final String ENCODED = "%3Abatch";

    void install(@Observes Router router) {
        router.route().order(-1100).handler(ctx -> {
            String path = ctx.request().path();
            int at = path.length() - ENCODED.length();
            if (at > 0 && path.regionMatches(true, at, ENCODED, 0, ENCODED.length())) {
                // The query (?record=false) must survive the reroute, or a what-if would be recorded.
                String query = ctx.request().query();
                ctx.reroute(path.substring(0, at) + BodyLimit.BATCH_SUFFIX + (query == null ? "" : "?" + query));
                return;
            }
            ctx.next();
        });
    }
}
