package dev.agenttraces.traces.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every API answer: the time from the request reaching the API to
 * its answer being ready, without the network or the client. Benchmarks report it as server time (BENCHMARKS.md),
 * and browsers' developer tools show it beside each request.
 */
@Provider
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ServerTiming.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            double ms = (System.nanoTime() - started) / 1_000_000.0;
            response.getHeaders().add("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", ms));
        }
    }
}
