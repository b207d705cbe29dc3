package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.config.GuardConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses a declared oversized body with a problem document before any of it is read. The batch
 * endpoint has its own, larger limit ({@code guard.http.max-batch-body-size}); every other path
 * has {@code guard.http.max-body-size}. Quarkus' {@code quarkus.http.limits.max-body-size} must be
 * at least the larger one. A chunked body (no Content-Length) is counted here as it streams in and
 * refused the same way, before Quarkus' own cut-off, which would answer 413 with an empty body.
 */
@ApplicationScoped
public class BodyLimit {

    static final String BATCH_SUFFIX = ":batch";

    private final long limit;
    private final long batchLimit;
    private final Problems problems;

    BodyLimit(GuardConfig config, Problems problems) {
        this.limit = config.http().maxBodySize().asLongValue();
        this.batchLimit = config.http().maxBatchBodySize().asLongValue();
        this.problems = problems;
    }

    private static String message(long bytes) {
        return "the request body exceeds the limit of " + bytes + " bytes";
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            boolean batch = isBatch(ctx.request().path());
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null) {
                if (tooLarge(declared, batch ? batchLimit : limit)) {
                    refuse(ctx, batch);
                    return;
                }
                ctx.next();
            } else if (isChunked(ctx)) {
                readCounting(ctx, batch);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /**
     * A chunked body has no size up front. It is read here, counting, and refused with a problem
     * document the moment it passes the path's limit; a body within the limit is handed on
     * already read (RESTEasy takes it from the routing context instead of reading it again).
     */
    private void readCounting(RoutingContext ctx, boolean batch) {
        long max = batch ? batchLimit : limit;
        Buffer received = Buffer.buffer();
        boolean[] refused = {false};
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (received.length() + (long) chunk.length() > max) {
                refused[0] = true;
                refuse(ctx, batch);
                return;
            }
            received.appendBuffer(chunk);
        });
        ctx.request().endHandler(v -> {
            if (!refused[0]) {
                ctx.setBody(received);
                ctx.next();
            }
        });
        ctx.request().exceptionHandler(e -> {
            if (!refused[0] && !ctx.response().ended()) {
                refused[0] = true;
                ctx.fail(e);
            }
        });
    }

    private void refuse(RoutingContext ctx, boolean batch) {
        problems.send(ctx, ErrorCode.BODY_TOO_LARGE, message(batch ? batchLimit : limit), Map.of("Connection", "close"));
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
