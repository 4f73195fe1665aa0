package dev.agenttraces.traces.api;

import dev.agenttraces.traces.shared.infrastructure.DatabaseFailures;
import dev.agenttraces.traces.ingest.interfaces.rest.PayloadTooLarge;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.shared.StoreUnavailable;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the API as problem+json: refusals of the trace store, malformed JSON, JAX-RS's own
 * errors (unknown path, wrong method or media type), an unavailable database (503 with Retry-After, so
 * clients retry) and, last, anything unexpected, which is logged and answered without internals.
 */
public final class ProblemMappers {

    /** Seconds a client should wait before retrying a request refused while the database was unavailable. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private ProblemMappers() {
    }

    @Provider
    public static class RejectionMapper implements ExceptionMapper<Rejection> {
        @Override
        public Response toResponse(Rejection e) {
            Rejection.Kind kind = e.kind();
            return new Problem(kind.slug(), kind.title(), kind.status(), e.getMessage(), e.field()).toResponse();
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            PayloadTooLarge tooLarge = PayloadTooLarge.in(e);
            if (tooLarge != null) {
                return tooLarge.problem().toResponse();
            }
            String where = e instanceof JsonParsingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNumber() + ", column " + p.getLocation().getColumnNumber()
                    : "";
            return new Problem("malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON" + where + ": " + e.getMessage(), "$").toResponse();
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            return new Problem("http-" + status, reason, status, e.getMessage(), null).toResponse();
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new WebApplicationMapper().toResponse(w);
            }
            if (e instanceof Rejection r) {
                return new RejectionMapper().toResponse(r);
            }
            if (e instanceof JsonException j) {
                return new JsonMapper().toResponse(j);
            }
            PayloadTooLarge tooLarge = PayloadTooLarge.in(e);
            if (tooLarge != null) {
                return tooLarge.problem().toResponse();
            }
            if (DatabaseFailures.databaseAway(e)) {
                LOG.log(Level.WARNING, "Trace store unavailable, answered 503: {0}", e.getMessage());
                return Response.fromResponse(new Problem("unavailable", "Service unavailable", 503,
                                "The trace store is unavailable; nothing was stored. Retry later.", null).toResponse())
                        .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
            }
            LOG.log(Level.SEVERE, "Unexpected error in the traces API", e);
            return new Problem("internal", "Internal error", 500,
                    "The request could not be processed; nothing was acknowledged.", null).toResponse();
        }
    }
}
