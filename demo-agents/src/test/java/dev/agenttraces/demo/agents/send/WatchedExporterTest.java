package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.http.LocalServer;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.ScenarioGenerator;
import dev.agenttraces.demo.agents.scenario.Shape;
import dev.agenttraces.demo.agents.scenario.TaskBrief;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.SplittableRandom;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed OTLP export is never silent: the SDK's batch processor drops the batch and reports success to its
 * caller, so the sender's own WARNING is what tells that the run's spans were lost, why, and what happens instead.
 */
class WatchedExporterTest {

    @Test
    void a_receiver_that_refuses_the_token_is_logged_as_a_warning_naming_the_status_and_the_run() {
        Run run = run();
        try (LocalServer plugin = new LocalServer().on("/traces/v1/traces", x -> LocalServer.answer(x, 401, "{}"));
             LogRecords log = new LogRecords(WatchedExporter.class)) {
            String endpoint = plugin.start() + "/traces/v1/traces";
            try (OtlpTraceSender sender = new OtlpTraceSender(endpoint, "wrong")) {
                send(sender, run);
            }

            // One warning per failed batch: usually one, two if the processor's 1 s timer exported a part early.
            assertThat(log.at(Level.WARNING)).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .startsWith("WARNING OTLP export to " + endpoint + " failed (HTTP 401 ")
                    .contains("spans of runs [" + run.id() + "] were dropped, not re-sent")
                    .endsWith("The next runs ask the receiver again and go through the JSON API while it does not answer."));
        }
    }

    @Test
    void the_failure_is_told_to_the_transport_choice_once() {
        try (OtlpTraceSender sender = new OtlpTraceSender(failing(new IOException("Connection refused")), "http://x/v1/traces")) {
            send(sender, run());
            assertThat(sender.takeExportFailure()).isTrue();
            assertThat(sender.takeExportFailure()).isFalse();
        }
    }

    @Test
    void an_export_that_could_not_be_sent_names_the_error() {
        try (LogRecords log = new LogRecords(WatchedExporter.class);
             OtlpTraceSender sender = new OtlpTraceSender(failing(new IOException("Connection refused")), "http://x/v1/traces")) {
            send(sender, run());

            assertThat(log.at(Level.WARNING)).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .startsWith("WARNING OTLP export to http://x/v1/traces failed (java.io.IOException: Connection refused): "));
        }
    }

    @Test
    void a_successful_export_logs_nothing_and_raises_no_failure() {
        OtlpTraceSenderTest.Kept kept = new OtlpTraceSenderTest.Kept();
        try (LogRecords log = new LogRecords(WatchedExporter.class); OtlpTraceSender sender = new OtlpTraceSender(kept, "http://x/v1/traces")) {
            send(sender, run());
            assertThat(kept.spans).isNotEmpty();
            assertThat(log.lines).isEmpty();
            assertThat(sender.takeExportFailure()).isFalse();
        }
    }

    @Test
    void the_reason_of_a_failure_without_a_cause_says_so() {
        assertThat(WatchedExporter.reason(null)).isEqualTo("no reason given");
        assertThat(WatchedExporter.reason(new IllegalStateException("boom", new IOException("reset"))))
                .isEqualTo("java.io.IOException: reset");
    }

    static Run run() {
        return new ScenarioGenerator(new SplittableRandom(7)).runs(Shape.ORDINARY, OtlpTraceSenderTest.CODER,
                new TaskBrief(3, "Write the release notes", "Demo task.", null), Instant.parse("2026-12-01T10:00:00Z"),
                Duration.ZERO, 100).getFirst();
    }

    /** Sends the whole run; its finish flushes what the batch processor holds. */
    static void send(OtlpTraceSender sender, Run run) {
        sender.start(run);
        sender.append(run, run.steps());
        sender.finish(run);
    }

    /** An exporter whose every export fails with {@code error}, as the OTLP one does when the receiver is unreachable. */
    static SpanExporter failing(Throwable error) {
        return new OtlpTraceSenderTest.Kept() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofExceptionalFailure(error);
            }
        };
    }
}
