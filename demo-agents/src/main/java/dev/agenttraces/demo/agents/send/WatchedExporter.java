package dev.agenttraces.demo.agents.send;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The OTLP exporter, watched. The SDK's batch span processor drops a batch whose export failed and tells
 * its caller nothing: {@code forceFlush()} succeeds all the same, and the exporter itself only writes a
 * throttled line of its own. A demo whose receiver refused its spans would then look busy while no OTLP
 * trace arrived. So every failed export is logged here as a WARNING that says what failed (the endpoint,
 * the HTTP status or the error), which runs lost spans (their trace ids, which are the run ids), and what
 * happens instead: the spans are not re-sent, and the next runs ask the receiver again
 * ({@link TransportChoice} reads {@link #takeFailure()}) and go through the JSON API while it does not answer.
 */
final class WatchedExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(WatchedExporter.class.getName());

    private final SpanExporter delegate;
    private final String endpoint;
    private final AtomicBoolean failed = new AtomicBoolean();

    WatchedExporter(SpanExporter delegate, String endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        Set<String> runs = spans.stream().map(s -> RunTraceIds.runId(s.getTraceId())).collect(Collectors.toCollection(TreeSet::new));
        int count = spans.size();
        CompletableResultCode result;
        try {
            result = delegate.export(spans);
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofExceptionalFailure(e);
        }
        CompletableResultCode exported = result;
        exported.whenComplete(() -> {
            if (!exported.isSuccess()) {
                failed.set(true);
                LOG.warning(() -> "OTLP export to " + endpoint + " failed (" + reason(exported.getFailureThrowable()) + "): "
                        + count + " spans of runs " + runs + " were dropped, not re-sent, so those traces are missing or"
                        + " incomplete in Agent Traces. The next runs ask the receiver again and go through the JSON API"
                        + " while it does not answer.");
            }
        });
        return exported;
    }

    /** Whether an export failed since the last call (and forgets it). */
    boolean takeFailure() {
        return failed.getAndSet(false);
    }

    /**
     * What went wrong, as far as the SDK tells: the HTTP status the receiver answered, or the error of the
     * request. {@link FailedExportException} is the SDK's internal type, but the only one that carries the status.
     */
    static String reason(Throwable failure) {
        if (failure instanceof FailedExportException.HttpExportException http && http.failedWithResponse()
                && http.getResponse() != null) {
            return "HTTP " + http.getResponse().getStatusCode() + " " + http.getResponse().getStatusMessage();
        }
        Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
        return cause == null ? "no reason given" : cause.toString();
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
