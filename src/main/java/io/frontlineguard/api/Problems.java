package io.frontlineguard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.api.v1.ProblemItem;
import io.frontlineguard.metrics.RequestErrorMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one place an error response is made, whether a REST resource, an exception mapper or a
 * route handler in front of them refuses the request: it carries a code, and it is counted in
 * {@code guard_request_errors_total}. The wording of the refusals that several layers produce
 * (401, 403) lives here once.
 */
@ApplicationScoped
public class Problems {

    public static final String UNAUTHORIZED = "valid credentials are required for this path";
    public static final String FORBIDDEN = "the authenticated caller lacks the role this path requires";

    private final RequestErrorMetrics metrics;
    private final ObjectMapper json;

    Problems(RequestErrorMetrics metrics, ObjectMapper json) {
        this.metrics = metrics;
        this.json = json;
    }

    public Response response(ErrorCode code, String detail, List<? extends ProblemItem> errors) {
        return response(Problem.of(code, detail, errors), code);
    }

    public Response response(ErrorCode code, int status, String detail) {
        return response(Problem.of(code, status, detail, null), code);
    }

    private Response response(Problem problem, ErrorCode code) {
        metrics.count(code, problem.status());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** For handlers that answer before the REST layer: writes the problem, with extra headers, and ends the request. */
    public void send(RoutingContext ctx, ErrorCode code, String detail, Map<String, String> headers) {
        if (ctx.response().ended()) {
            return;
        }
        metrics.count(code, code.status());
        headers.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().setStatusCode(code.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(Problem.of(code, detail)));
    }

    private String body(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
