package dev.agenttraces.taskboard.host.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Signs the user out and drops the session, so the next page asks for a login again. POST only: a link
 * or an image on another site must not be able to sign anyone out.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    transient LogoutRecord logouts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getUserPrincipal() != null) {
            // Before the session ends: plugin sessions this user opened end with it (host_logout).
            logouts.loggedOut(request.getUserPrincipal().getName(), java.time.Instant.now());
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
