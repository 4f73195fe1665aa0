package dev.agenttraces.it.ingest;

import com.google.protobuf.ByteString;
import dev.agenttraces.it.support.TaskboardServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OTLP ingest throughput against the JSON API, in one run on one server: N clients each export batches of
 * GenAI spans (one trace per client: an {@code invoke_agent} root, then one {@code chat} span in three with
 * model, tokens and messages, the others {@code execute_tool} spans with arguments and result) as OTLP/HTTP
 * protobuf to {@code /traces/v1/traces}; then N clients append batches of the same size to the JSON API (the
 * steps of IngestBenchmarkIT). Bodies are built before the clock starts; each side is measured twice after a
 * warm-up, alternating, and the second round is reported. Not part of the normal run (profile bench-otlp sets
 * bench.otlp=true); it writes target/bench-otlp.txt and asserts only that everything was stored.
 */
@EnabledIfSystemProperty(named = "bench.otlp", matches = "true")
class OtlpBenchmarkIT extends IngestSuite {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int BATCH = Integer.getInteger("bench.batch", 1000);
    static final int BATCHES_PER_CLIENT = Integer.getInteger("bench.batches", 20);
    static final long T0_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

    OtlpBenchmarkIT() {
        super("OTLP bench", "bench-model", "bench-provider", true);
    }

    private record Rate(double perSecond, long steps) {
    }

    @Test
    void otlpReceiverVersusJsonApi() throws Exception {
        otlp(token, 5, "warm-up otlp");
        json(token, 5, "warm-up json");
        otlp(token, BATCHES_PER_CLIENT, "otlp (round 1)");
        json(token, BATCHES_PER_CLIENT, "json (round 1)");
        Rate otlp = otlp(token, BATCHES_PER_CLIENT, "otlp");
        Rate json = json(token, BATCHES_PER_CLIENT, "json");
        String report = String.format(Locale.ROOT, "clients=%d batch=%d batches/client=%d%n"
                        + "otlp: %.0f spans/s (%.0f steps/s stored)%njson api: %.0f steps/s%n"
                        + "ratio otlp spans / json steps: %.1f %%%n",
                CLIENTS, BATCH, BATCHES_PER_CLIENT, otlp.perSecond(), otlp.perSecond() * otlp.steps() / spans(),
                json.perSecond(), 100 * otlp.perSecond() / json.perSecond());
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "bench-otlp.txt"), report);
    }

    private static long spans() {
        return (long) CLIENTS * BATCHES_PER_CLIENT * BATCH;
    }

    /** Each client exports its batches of one trace; returns spans per second and the steps they made. */
    private Rate otlp(String token, int batches, String label) throws Exception {
        List<UUID> traces = new ArrayList<>();
        List<List<byte[]>> bodies = new ArrayList<>();
        long expectedSteps = 0;
        for (int c = 0; c < CLIENTS; c++) {
            UUID trace = UUID.randomUUID();
            traces.add(trace);
            List<byte[]> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                mine.add(exportRequest(trace, b).toByteArray());
            }
            bodies.add(mine);
        }
        for (int i = 0; i < batches * BATCH; i++) {
            expectedSteps += i == 0 ? 0 : (i % 3 == 0 ? 1 : 2);
        }
        URI url = URI.create(TaskboardServer.start() + "/traces/v1/traces");
        List<Callable<Integer>> clients = new ArrayList<>();
        for (List<byte[]> mine : bodies) {
            clients.add(() -> {
                for (byte[] body : mine) {
                    HttpResponse<String> r = IngestClient.send(JsonApiRound.post(url, "application/x-protobuf", token,
                            HttpRequest.BodyPublishers.ofByteArray(body)));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                }
                return mine.size() * BATCH;
            });
        }
        double rate = BenchmarkRuns.timed(clients, label, "spans");
        for (UUID trace : traces) {
            assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo(expectedSteps);
        }
        return new Rate(rate, expectedSteps * CLIENTS);
    }

    /** The JSON API side: the same batch size, the steps IngestBenchmarkIT sends. */
    private Rate json(String token, int batches, String label) throws Exception {
        double rate = JsonApiRound.run(token, task, agent, CLIENTS, batches, BATCH, label);
        return new Rate(rate, (long) CLIENTS * batches * BATCH);
    }

    /** Batch {@code b} of a trace's spans; span 0 of batch 0 is the root, every other span hangs under it. */
    private ExportTraceServiceRequest exportRequest(UUID trace, int b) {
        ByteString traceId = ByteString.copyFrom(ByteBuffer.allocate(16)
                .putLong(trace.getMostSignificantBits()).putLong(trace.getLeastSignificantBits()).array());
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (int i = 0; i < BATCH; i++) {
            int n = b * BATCH + i;
            long start = T0_NANOS + n * 1_000_000L;
            Span.Builder span = Span.newBuilder().setTraceId(traceId).setSpanId(spanId(n))
                    .setStartTimeUnixNano(start).setEndTimeUnixNano(start + 35_000_000L);
            if (n == 0) {
                span.setName("invoke_agent bench").addAttributes(attr("gen_ai.operation.name", "invoke_agent"));
            } else if (n % 3 == 0) {
                span.setParentSpanId(spanId(0)).setName("chat bench-model")
                        .addAttributes(attr("gen_ai.operation.name", "chat"))
                        .addAttributes(attr("gen_ai.request.model", "bench-model"))
                        .addAttributes(attr("gen_ai.usage.input_tokens", 1500 + n % 100))
                        .addAttributes(attr("gen_ai.usage.cache_read.input_tokens", 300))
                        .addAttributes(attr("gen_ai.usage.output_tokens", 100))
                        .addAttributes(attr("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                                + "\"content\":\"Why does test " + n % 17 + " fail?\"}]}]"))
                        .addAttributes(attr("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                                + "\"content\":\"The cache key looks stale; read the file.\"}]}]"));
            } else {
                span.setParentSpanId(spanId(0)).setName("execute_tool read_file")
                        .addAttributes(attr("gen_ai.operation.name", "execute_tool"))
                        .addAttributes(attr("gen_ai.tool.name", "read_file"))
                        .addAttributes(attr("gen_ai.tool.call.id", "call_" + n))
                        .addAttributes(attr("gen_ai.tool.call.arguments", "{\"path\":\"src/main/java/App" + n % 50 + ".java\"}"))
                        .addAttributes(attr("gen_ai.tool.call.result", "class App" + n % 50 + " { /* 120 lines */ }"));
            }
            scope.addSpans(span);
        }
        Resource resource = Resource.newBuilder().addAttributes(attr("taskboard.task.id", task))
                .addAttributes(attr("taskboard.agent.id", agent)).build();
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope)).build();
    }

    private static ByteString spanId(int n) {
        return ByteString.copyFrom(ByteBuffer.allocate(8).putInt(0x5eed).putInt(n + 1).array());
    }

    private static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue attr(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }
}
