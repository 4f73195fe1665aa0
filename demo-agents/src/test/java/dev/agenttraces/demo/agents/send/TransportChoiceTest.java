package dev.agenttraces.demo.agents.send;

import com.sun.net.httpserver.HttpServer;
import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An OTLP run goes through OTLP only while the receiver answers; a 404 sends it through JSON instead. */
class TransportChoiceTest {

    HttpServer server;
    final AtomicInteger status = new AtomicInteger(404);
    final AtomicInteger probes = new AtomicInteger();

    String receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/traces/v1/traces", exchange -> {
            if (exchange.getRequestBody().readAllBytes().length == 0) {
                probes.incrementAndGet(); // the choice's empty export; the exporter's carry spans
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/traces/v1/traces";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_missing_receiver_sends_the_run_through_json_and_is_asked_again_only_after_a_while() throws IOException {
        String endpoint = receiver();
        JsonTraceSender json = new JsonTraceSender(new JsonHttp("t"), "http://127.0.0.1:1/traces");
        try (LogRecords log = new LogRecords(TransportChoice.class); OtlpTraceSender otlp = new OtlpTraceSender(endpoint, "t")) {
            TransportChoice choice = new TransportChoice(json, otlp, new JsonHttp("t"), endpoint);
            TransportChoice.Choice first = choice.forRun(run(Transport.OTLP));
            assertThat(first.run().transport()).isEqualTo(Transport.JSON);
            assertThat(first.sender()).isSameAs(json);
            choice.forRun(run(Transport.OTLP));
            assertThat(probes).hasValue(1);
            assertThat(log.lines).containsExactly("WARNING OTLP receiver at " + endpoint + " did not accept an empty export"
                    + " (HTTP 404); the runs meant for OTLP go through the JSON API instead until it does (asked again every 30 s)");
        }
    }

    @Test
    void an_answering_receiver_gets_the_otlp_runs_and_json_runs_stay_json() throws IOException {
        status.set(200);
        String endpoint = receiver();
        JsonTraceSender json = new JsonTraceSender(new JsonHttp("t"), "http://127.0.0.1:1/traces");
        try (OtlpTraceSender otlp = new OtlpTraceSender(endpoint, "t")) {
            TransportChoice choice = new TransportChoice(json, otlp, new JsonHttp("t"), endpoint);
            assertThat(choice.forRun(run(Transport.OTLP)).sender()).isSameAs(otlp);
            assertThat(choice.forRun(run(Transport.JSON)).sender()).isSameAs(json);
        }
    }

    @Test
    void a_failed_export_makes_the_next_run_ask_the_receiver_again_and_fall_back_to_json_with_a_warning() throws IOException {
        status.set(200);
        String endpoint = receiver();
        JsonTraceSender json = new JsonTraceSender(new JsonHttp("t"), "http://127.0.0.1:1/traces");
        try (LogRecords log = new LogRecords(TransportChoice.class); OtlpTraceSender otlp = new OtlpTraceSender(endpoint, "t")) {
            TransportChoice choice = new TransportChoice(json, otlp, new JsonHttp("t"), endpoint);
            Run sent = WatchedExporterTest.run().withTransport(Transport.OTLP);
            assertThat(choice.forRun(sent).sender()).isSameAs(otlp);
            status.set(401); // the receiver now refuses: the exporter's batch fails
            otlp.start(sent);
            otlp.append(sent, sent.steps());
            otlp.finish(sent);

            TransportChoice.Choice next = choice.forRun(run(Transport.OTLP));
            assertThat(probes).as("asked again at once, not after 30 s").hasValue(2);
            assertThat(next.sender()).isSameAs(json);
            assertThat(log.lines).containsExactly(
                    "INFO OTLP receiver at " + endpoint + " answers; OTLP runs go through the OpenTelemetry exporter",
                    "WARNING OTLP receiver at " + endpoint + " did not accept an empty export (HTTP 401); the runs meant for"
                            + " OTLP go through the JSON API instead until it does (asked again every 30 s)");
        }
    }

    static Run run(Transport transport) {
        AgentProfile agent = new AgentProfile(1, "Analyst", "gpt-4o", "openai", "gpt-4o-mini");
        Instant now = Instant.now();
        return new Run(UUID.randomUUID(), agent, 1, now, List.of(), false, null, now, Set.of(), transport);
    }
}
