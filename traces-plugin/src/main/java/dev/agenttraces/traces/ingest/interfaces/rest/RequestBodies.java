package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;

import dev.agenttraces.traces.ingest.application.IngestSettings;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.ingest.domain.StartTrace;
import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Turns the bodies of the ingest requests into commands, enforcing the configured size limit. */
@ApplicationScoped
public class RequestBodies {

    @Inject
    IngestSettings settings;

    /** Refuses a declared oversize body before reading it; otherwise limits the stream while reading. */
    InputStream limited(InputStream body, String contentLength) {
        long max = settings.maxRequestBytes();
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > max) {
                    throw new Rejection(Rejection.Kind.TOO_LARGE, "$", "The request body is larger than " + max
                            + " bytes (agent.traces.ingest.max-request-bytes); send fewer steps per batch.");
                }
            } catch (NumberFormatException ignored) {
                // the stream limit below still applies
            }
        }
        return new LimitedInputStream(body, max);
    }

    StepBatch steps(InputStream body, String contentLength) {
        InputStream in = limited(body, contentLength);
        try {
            return StepBatchReader.read(unclosable(in), settings.maxStepsPerBatch(), settings.maxJsonDepth());
        } catch (RuntimeException e) {
            drain(in);
            throw e;
        }
    }

    /**
     * Reads what is left of a refused body (at most the size limit, which the stream enforces). A server
     * that answers and closes with request bytes still unread makes TCP reset the connection, and the client
     * loses the answer: a refusal past the nesting or item cap arrived as "EOF" instead of a 4xx.
     */
    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // past the size limit or a broken connection: nothing more to read
        }
    }

    /** The parser closes its stream when done; the drain above still needs it open. */
    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // left open on purpose
            }
        };
    }

    StartTrace start(InputStream body, String contentLength) {
        JsonFields f = object(body, contentLength);
        return new StartTrace(f.uuid("id"), f.requiredLong("taskId"), f.requiredLong("agentId"),
                f.string("model", 200), f.string("provider", 100), f.instant("startedAt"));
    }

    FinishTrace finish(InputStream body, String contentLength) {
        JsonFields f = object(body, contentLength);
        String status = f.requiredString("status", 20);
        TraceStatus parsed;
        try {
            parsed = TraceStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isFinished()) {
            throw Rejection.invalid("status", "status must be one of completed, failed, cancelled.");
        }
        return new FinishTrace(parsed, f.string("errorMessage", 10000), f.instant("completedAt"));
    }

    private JsonFields object(InputStream body, String contentLength) {
        InputStream in = limited(body, contentLength);
        try {
            return parseObject(unclosable(in));
        } catch (RuntimeException e) {
            drain(in);
            throw e;
        }
    }

    private JsonFields parseObject(InputStream in) {
        try (JsonParser parser = Jsonp.PROVIDER.createParser(in)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw Rejection.invalid("$", "The body must be a JSON object.");
            }
            JsonValue value = new BoundedJson(parser, settings.maxJsonDepth())
                    .value(JsonParser.Event.START_OBJECT, 1, "$");
            if (parser.hasNext()) {
                parser.next(); // trailing content is malformed JSON: let the parser say so
            }
            return JsonFields.of(value.asJsonObject(), "");
        }
    }
}
