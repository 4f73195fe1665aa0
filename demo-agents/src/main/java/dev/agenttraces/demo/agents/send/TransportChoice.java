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
 * answer is cached for {@value #RECHECK_SECONDS} s, or until an OTLP export fails, and each change of state
 * is logged once, not per run: falling back to JSON as a WARNING (a demo meant to show OTLP then does not),
 * the receiver answering as INFO.
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
    /** The state last logged, kept across {@link #recheck()} so a failing receiver is warned about once. */
    private Boolean lastLogged;

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
        if (otlp != null && otlp.takeExportFailure()) {
            recheck();
        }
        if (run.transport() == Transport.OTLP && otlp != null && receiverAvailable()) {
            return new Choice(run, otlp);
        }
        return new Choice(run.withTransport(Transport.JSON), json);
    }

    /** Forgets the cached answer: the next OTLP run asks the receiver again. */
    synchronized void recheck() {
        available = null;
    }

    synchronized boolean receiverAvailable() {
        if (available != null && Duration.between(checkedAt, Instant.now()).getSeconds() < RECHECK_SECONDS) {
            return available;
        }
        String seen;
        boolean now;
        try {
            HttpResponse<String> answer = http.post(endpoint, "application/x-protobuf", new byte[0]);
            now = answer.statusCode() / 100 == 2;
            seen = "HTTP " + answer.statusCode();
        } catch (RuntimeException e) {
            now = false;
            seen = "no answer: " + e.getMessage();
        }
        if (now && !Boolean.TRUE.equals(lastLogged)) {
            LOG.info(() -> "OTLP receiver at " + endpoint + " answers; OTLP runs go through the OpenTelemetry exporter");
        } else if (!now && !Boolean.FALSE.equals(lastLogged)) {
            String why = seen;
            LOG.warning(() -> "OTLP receiver at " + endpoint + " did not accept an empty export (" + why + "); the runs meant"
                    + " for OTLP go through the JSON API instead until it does (asked again every " + RECHECK_SECONDS + " s)");
        }
        available = now;
        lastLogged = now;
        checkedAt = Instant.now();
        return now;
    }
}
