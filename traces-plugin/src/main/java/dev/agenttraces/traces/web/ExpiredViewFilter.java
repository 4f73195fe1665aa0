package dev.agenttraces.traces.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A postback whose view state the server does not know (expired, from another session, or forged) is the
 * client's problem, answered 400 with a short page, not the container's 500 error report with a stack trace.
 * AJAX postbacks already get Faces' partial-response error; this covers full-page submits.
 */
@WebFilter(filterName = "ExpiredViewFilter", urlPatterns = "*.xhtml")
public class ExpiredViewFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } catch (ServletException e) {
            if (!expired(e) || resp.isCommitted()) {
                throw e;
            }
            resp.reset();
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Page expired</title></head>"
                    + "<body style=\"font-family:system-ui,sans-serif;padding:1rem\"><h2 id=\"at-expired\">This page has"
                    + " expired</h2><p>Reopen it from the Taskboard.</p></body></html>");
        }
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
