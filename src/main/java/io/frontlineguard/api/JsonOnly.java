package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * The decision endpoints read UTF-8 JSON and nothing else. JAX-RS treats a request without a
 * Content-Type as matching any {@code @Consumes}, and would decode bytes as UTF-8 whatever charset
 * the client declared; both would silently decide a body the client meant differently, so both
 * are refused with 415 before anything is read.
 */
@ApplicationScoped
public class JsonOnly {

    private static final String REFUSAL = "send the body as Content-Type: application/json (UTF-8, the only charset accepted)";

    private final Problems problems;

    JsonOnly(Problems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(-1001).handler(ctx -> {
            String path = ctx.request().path();
            boolean decisions = "/v1/decisions".equals(path) || BodyLimit.isBatch(path);
            if (decisions && "POST".equals(ctx.request().method().name()) && !acceptable(ctx.request().getHeader("Content-Type"))) {
                problems.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, REFUSAL, Map.of());
                return;
            }
            ctx.next();
        });
    }

    /** {@code application/json}, optionally with {@code charset=utf-8} in any case; no other parameter. */
    static boolean acceptable(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!param.equals("charset=utf-8") && !param.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
