package dev.agenttraces.it.demo;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run the simulated agents say they sent, read from their own log line ({@code TaskWork}): "… recorded task 4:
 * ERROR_THEN_RETRY trace ac3e6b9a-…, 14 steps via OTLP". {@code transport} is the one the run really went
 * through (OTLP or JSON, after any fall-back), and {@code traceId} the trace's id in the plugin's store: the
 * simulator makes a run's OTLP trace id of that id, and sends it as the id of a JSON API trace.
 */
record SentRun(long taskId, UUID traceId, String transport) {

    static final Pattern LINE = Pattern.compile("(?:recorded|worked on) task (\\d+): \\w+ trace ([0-9a-f-]{36}), \\d+ steps via (OTLP|JSON)");

    /** Every run a log (or a single log message) tells of, in its order. */
    static List<SentRun> in(String log) {
        Matcher m = LINE.matcher(log);
        return m.results().map(r -> new SentRun(Long.parseLong(r.group(1)), UUID.fromString(r.group(2)), r.group(3))).toList();
    }

    boolean otlp() {
        return transport.equals("OTLP");
    }
}
