package dev.agenttraces.traces.ingest.interfaces.otlp;

import dev.agenttraces.traces.api.Bearer;
import dev.agenttraces.traces.ingest.application.IngestSettings;
import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.ingest.application.OtlpIngest;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.ingest.otlp.GenAiSpanMapper;
import dev.agenttraces.traces.ingest.otlp.OtlpBodyRefused;
import dev.agenttraces.traces.ingest.otlp.OtlpBodyTooLarge;
import dev.agenttraces.traces.ingest.otlp.OtlpTraceDecoder;
import dev.agenttraces.traces.shared.Rejection;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /traces/v1/traces}: OTLP/HTTP trace export, protobuf or JSON, optionally gzip. Authenticated
 * with the same Bearer ingest tokens as the JSON API ({@code ViewerFilter} lets the path through). The body
 * limit is {@code agent.traces.ingest.max-request-bytes}, applied to the bytes received and again to the
 * inflated body. Answers: 200 (with partial_success when spans were refused), 400 undecodable, 401 bad token,
 * 413 too large, 415 unsupported type or encoding, 503 with Retry-After when the database is unavailable
 * (the only case in which an OTLP client should retry), 500 otherwise.
 */
@WebServlet(name = "OtlpReceiver", urlPatterns = "/v1/traces")
public class OtlpReceiver extends HttpServlet {

    /** Seconds an exporter is asked to wait before retrying while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(OtlpReceiver.class.getName());
    private static final GenAiSpanMapper MAPPER = new GenAiSpanMapper();

    @Inject
    transient IngestTokens tokens;

    @Inject
    transient IngestSettings settings;

    @Inject
    transient OtlpIngest ingest;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean json = OtlpAnswer.wantsJson(req.getContentType());
        try {
            TokenScope scope = tokens.authenticate(Bearer.token(req.getHeader("Authorization")));
            long max = Math.min(settings.maxRequestBytes(), OtlpTraceDecoder.MAX_LIMIT);
            byte[] body = read(req, max);
            ExportTraceServiceRequest request = new OtlpTraceDecoder(max)
                    .decode(body, req.getContentType(), req.getHeader("Content-Encoding"));
            OtlpIngest.Result result = ingest.export(scope, MAPPER.map(request));
            OtlpAnswer.success(resp, json, result.rejectedSpans(), result.errorMessage());
        } catch (OtlpBodyRefused e) {
            OtlpAnswer.failure(resp, json, e.httpStatus(), e.getMessage());
        } catch (Rejection e) {
            OtlpAnswer.failure(resp, json, e.kind().status(), e.getMessage());
        } catch (RuntimeException e) {
            if (ingest.isTransient(e)) {
                LOG.log(Level.WARNING, "OTLP export deferred: the database is unavailable", e);
                resp.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                OtlpAnswer.failure(resp, json, 503, "The trace store is unavailable; retry later.");
            } else {
                LOG.log(Level.SEVERE, "OTLP export failed", e);
                OtlpAnswer.failure(resp, json, 500, "The export could not be stored.");
            }
        }
    }

    /** The body as received, refused with 413 beyond the limit (declared or actual) before it is decoded. */
    private static byte[] read(HttpServletRequest req, long max) throws IOException {
        if (req.getContentLengthLong() > max) {
            throw new OtlpBodyTooLarge(max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (int) Math.min(max, req.getContentLengthLong())));
        byte[] buffer = new byte[16384];
        try (InputStream in = req.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > max) {
                    throw new OtlpBodyTooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
