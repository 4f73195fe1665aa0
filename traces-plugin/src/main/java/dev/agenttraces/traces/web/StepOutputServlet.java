package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.application.TraceQueries;

import dev.agenttraces.traces.trace.infrastructure.JpaTraceRepository;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * "Show all" of a truncated tool result: the whole output as text/plain, fetched by the panel's
 * script and put into the page with textContent, so it never becomes markup. Only for a trace on a
 * board the viewer can see; anything else is a plain 404, so ids cannot be probed.
 */
@WebServlet("/views/step-output")
public class StepOutputServlet extends HttpServlet {

    @Inject
    TraceQueries queries;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<String> output = parse(req.getParameter("trace"))
                .filter(id -> queries.trace(id).isPresent())
                .flatMap(id -> seq(req.getParameter("seq")).flatMap(seq -> queries.steps(id).fullOutput(seq)));
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "private, no-store");
        if (output.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No such step");
            return;
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getOutputStream().write(output.get().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> seq(String seq) {
        try {
            return Optional.of(Integer.parseInt(seq));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
