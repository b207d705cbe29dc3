package io.frontlineguard.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.metrics.RequestErrorMetrics;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared oversized body with a problem document before any of it is read. The batch
 * endpoint has its own, larger limit ({@code guard.http.max-batch-body-size}); every other path
 * has {@code guard.http.max-body-size}. Quarkus' {@code quarkus.http.limits.max-body-size} must be
 * at least the larger one: it still cuts off chunked bodies as they stream in, and the resources
 * check the size of what they received against their own limit.
 */
@ApplicationScoped
public class BodyLimit {

    static final String BATCH_SUFFIX = ":batch";

    private final long limit;
    private final long batchLimit;
    private final String body;
    private final String batchBody;
    private final RequestErrorMetrics errors;

    BodyLimit(GuardConfig config, ObjectMapper json, RequestErrorMetrics errors) throws Exception {
        this.limit = config.http().maxBodySize().asLongValue();
        this.batchLimit = config.http().maxBatchBodySize().asLongValue();
        this.body = json.writeValueAsString(Problem.of(ErrorCode.BODY_TOO_LARGE, message(limit)));
        this.batchBody = json.writeValueAsString(Problem.of(ErrorCode.BODY_TOO_LARGE, message(batchLimit)));
        this.errors = errors;
    }

    private static String message(long bytes) {
        return "the request body exceeds the limit of " + bytes + " bytes";
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null) {
                boolean batch = isBatch(ctx.request().path());
                if (tooLarge(declared, batch ? batchLimit : limit)) {
                    errors.count(ErrorCode.BODY_TOO_LARGE);
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(batch ? batchBody : body);
                    return;
                }
            }
            ctx.next();
        });
    }

    /** For bodies without a Content-Length: refuses what was received if it exceeds the path's limit. */
    public void check(byte[] received, boolean batch) {
        long max = batch ? batchLimit : limit;
        if (received != null && received.length > max) {
            throw new ProblemException(ErrorCode.BODY_TOO_LARGE, message(max));
        }
    }

    static boolean isBatch(String path) {
        return path != null && (path.endsWith(BATCH_SUFFIX) || path.regionMatches(true, path.length() - 8, "%3Abatch", 0, 8));
    }

    private static boolean tooLarge(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
