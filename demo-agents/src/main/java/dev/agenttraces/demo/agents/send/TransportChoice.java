package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Transport;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Picks the sender of a run. A run meant for OTLP goes through OTLP only when the receiver is there: before
 * the run, an empty OTLP request (a valid, empty ExportTraceServiceRequest) is posted to it; anything but
 * 2xx, typically 404 while the receiver has not landed, sends that run through the JSON API instead. The
 * answer is cached for {@value #RECHECK_SECONDS} s, and each change of state is logged once, not per run.
 */
public final class TransportChoice {

    private static final Logger LOG = Logger.getLogger(TransportChoice.class.getName());
    static final long RECHECK_SECONDS = 30;

    private final JsonTraceSender json;
    private final OtlpTraceSender otlp;
    private final JsonHttp http;
    private final String endpoint;
    private Instant checkedAt = Instant.EPOCH;
    private Boolean available;

    /** {@code otlp} may be null (OTLP switched off): every run then goes through JSON. */
    public TransportChoice(JsonTraceSender json, OtlpTraceSender otlp, JsonHttp http, String endpoint) {
        this.json = json;
        this.otlp = otlp;
        this.http = http;
        this.endpoint = endpoint;
    }

    /** The run as it will really be sent (its transport may fall back to JSON) and its sender. */
    public record Choice(Run run, TraceSender sender) {
    }

    public Choice forRun(Run run) {
        if (run.transport() == Transport.OTLP && otlp != null && receiverAvailable()) {
            return new Choice(run, otlp);
        }
        return new Choice(run.withTransport(Transport.JSON), json);
    }

    synchronized boolean receiverAvailable() {
        if (available != null && Duration.between(checkedAt, Instant.now()).getSeconds() < RECHECK_SECONDS) {
            return available;
        }
        int status;
        try {
            HttpResponse<String> answer = http.post(endpoint, "application/x-protobuf", new byte[0]);
            status = answer.statusCode();
        } catch (RuntimeException e) {
            status = -1;
        }
        boolean now = status / 100 == 2;
        if (available == null || available != now) {
            int seen = status;
            LOG.info(() -> now ? "OTLP receiver at " + endpoint + " answers; OTLP runs go through the OpenTelemetry exporter"
                    : "OTLP receiver at " + endpoint + " is not there (HTTP " + seen + "); OTLP runs go through the JSON API"
                    + " until it answers (re-checked every " + RECHECK_SECONDS + " s)");
        }
        available = now;
        checkedAt = Instant.now();
        return now;
    }
}
