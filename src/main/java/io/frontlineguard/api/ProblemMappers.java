package io.frontlineguard.api;

import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.decision.DecisionTimeoutException;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.metrics.RequestErrorMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as {@code application/problem+json} with a code from {@link ErrorCode}; no
 * exception class, stack trace or internal message reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int CLIENT_CLOSED = 499;

    @Inject
    RequestErrorMetrics errorMetrics;

    public static Response problem(ErrorCode code, String detail, java.util.List<?> errors) {
        return Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(code, detail, errors)).build();
    }

    /** The problem response, counted in {@code guard_request_errors_total}. */
    private Response counted(ErrorCode code, String detail, java.util.List<?> errors) {
        errorMetrics.count(code);
        return problem(code, detail, errors);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidIncidentException e) {
        return counted(ErrorCode.INVALID_INCIDENT,
                e.violations().size() + " problem(s) in the request; see errors", e.violations());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return counted(e.code(), e.getMessage(), e.errors());
    }

    /** Nothing was decided; the client may retry, and the attempt is in the decision log under its id. */
    @ServerExceptionMapper
    public Response timedOut(DecisionTimeoutException e) {
        return counted(ErrorCode.DECISION_TIMEOUT, BatchDecisionResource.timeoutDetail(e), null);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return counted(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the incident as application/json", null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return counted(ErrorCode.NOT_ACCEPTABLE, "responses are application/json", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return counted(ErrorCode.NOT_FOUND, "no resource at this path", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return counted(ErrorCode.METHOD_NOT_ALLOWED, "this path does not accept that method", null);
    }

    @ServerExceptionMapper
    public Response unauthorized(NotAuthorizedException e) {
        return counted(ErrorCode.UNAUTHORIZED, "credentials are required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return counted(ErrorCode.FORBIDDEN, "this caller lacks the required role", null);
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return counted(ErrorCode.BODY_TOO_LARGE, "the request body exceeds the configured limit", null);
        }
        if (status < 500) {
            errorMetrics.count(status);
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status, null, null, null))
                    .build();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (clientWentAway(e)) {
            // Not our failure and nobody left to answer: a client (or a load generator at the end of
            // its run) closed the connection while its body was still arriving. 499 as nginx counts it.
            LOG.debugf("client closed the connection before its request was read: %s", e);
            errorMetrics.count(CLIENT_CLOSED);
            return Response.status(CLIENT_CLOSED).build();
        }
        LOG.error("unexpected failure while deciding", e);
        return counted(ErrorCode.INTERNAL_ERROR, "the decision could not be made; the failure is logged", null);
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
