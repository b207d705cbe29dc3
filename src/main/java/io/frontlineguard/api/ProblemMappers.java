package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.decision.DecisionTimeoutException;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.memory.IncidentIdReusedException;
import io.frontlineguard.memory.MemoryUnavailableException;
import io.frontlineguard.memory.NewCallerQuotaExceededException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the REST layer leaves as {@code application/problem+json} with a code from
 * {@link ErrorCode}, made and counted by {@link Problems}; no exception class, stack trace or
 * internal message reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response invalid(InvalidIncidentException e) {
        return problems.response(ErrorCode.INVALID_INCIDENT,
                e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problems.response(e.code(), e.getMessage(), e.errors());
    }

    /** Nothing was decided; the client may retry, and the attempt is in the decision log under its id. */
    @ServerExceptionMapper
    public Response timedOut(DecisionTimeoutException e) {
        return problems.response(ErrorCode.DECISION_TIMEOUT, BatchDecisionResource.timeoutDetail(e), null);
    }

    /** The store did not answer: refusing is safer than a decision that forgets another department's block. */
    @ServerExceptionMapper
    public Response memoryUnavailable(MemoryUnavailableException e) {
        LOG.warnf("case memory unavailable: %s", e.getMessage());
        return problems.response(ErrorCode.MEMORY_UNAVAILABLE, BatchDecisionResource.MEMORY_UNAVAILABLE, null);
    }

    @ServerExceptionMapper
    public Response incidentIdReused(IncidentIdReusedException e) {
        return problems.response(ErrorCode.INCIDENT_ID_REUSED, BatchDecisionResource.reusedDetail(e), null);
    }

    @ServerExceptionMapper
    public Response newCallerQuota(NewCallerQuotaExceededException e) {
        return Response.fromResponse(problems.response(ErrorCode.NEW_CALLER_QUOTA_EXCEEDED,
                BatchDecisionResource.NEW_CALLER_QUOTA, null)).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the incident as application/json", null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return problems.response(ErrorCode.NOT_ACCEPTABLE, "responses are application/json", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problems.response(ErrorCode.NOT_FOUND, "no resource at this path", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return problems.response(ErrorCode.METHOD_NOT_ALLOWED, "this path does not accept that method", null);
    }

    @ServerExceptionMapper
    public Response unauthorized(NotAuthorizedException e) {
        return problems.response(ErrorCode.UNAUTHORIZED, Problems.UNAUTHORIZED, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problems.response(ErrorCode.FORBIDDEN, Problems.FORBIDDEN, null);
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return problems.response(ErrorCode.BODY_TOO_LARGE, "the request body exceeds the configured limit", null);
        }
        if (status < 500) {
            return problems.response(ErrorCode.BAD_REQUEST, status, e.getResponse().getStatusInfo().getReasonPhrase());
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (clientWentAway(e)) {
            // Not our failure and nobody left to answer: a client (or a load generator at the end of
            // its run) closed the connection while its body was still arriving. 499 as nginx counts it.
            LOG.debugf("client closed the connection before its request was read: %s", e);
            return problems.response(ErrorCode.CLIENT_CLOSED, "the connection closed before the request was read", null);
        }
        LOG.error("unexpected failure while deciding", e);
        return problems.response(ErrorCode.INTERNAL_ERROR, "the decision could not be made; the failure is logged", null);
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
