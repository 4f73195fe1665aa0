package dev.agenttraces.traces.web;

import dev.agenttraces.traces.shared.infrastructure.DatabaseFailures;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A page that fails answers with the plugin's own short error view, never the container's raw "HTTP Status 500"
 * report, so the host shows its labelled placeholder around it. A database failure (the store unavailable, or
 * any persistence error while reading a view: in practice a restart of the database) is a 503 with Retry-After:
 * the pool replaces its broken connections by itself (TracesDataSource), so reloading in a moment works.
 */
@WebFilter(filterName = "PageErrorFilter", urlPatterns = "*.xhtml")
public class PageErrorFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(PageErrorFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } catch (ServletException | RuntimeException e) {
            if (resp.isCommitted()) {
                throw e;
            }
            boolean database = database(e);
            LOG.log(database ? Level.WARNING : Level.SEVERE, "Page " + req.getRequestURI() + " failed", e);
            resp.resetBuffer(); // keeps the security headers set before the page ran
            resp.setStatus(database ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            if (database) {
                resp.setHeader("Retry-After", "2");
            }
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Agent Traces unavailable</title>"
                    + "</head><body style=\"font-family:system-ui,sans-serif;padding:1rem\"><h2 id=\"at-unavailable\">"
                    + (database ? "The trace store is unavailable right now" : "This view could not be shown")
                    + "</h2><p>Try again in a moment; nothing you saved is lost.</p></body></html>");
        }
    }

    private static boolean database(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (DatabaseFailures.databaseAway(t) || t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }
}
