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
 * Signs the user out and drops the session, so the next page asks for a login again. Only a POST
 * carrying the session's {@link CsrfToken} signs out: a link, an image or a form on another site must
 * not be able to sign anyone out (a forced logout followed by a forced login is how session-swapping
 * attacks start). A GET shows a confirmation page with the proper form; a POST without the token is
 * refused with 403 and changes nothing.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    transient CsrfToken csrf;

    @Inject
    transient LogoutRecord logouts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/logout.xhtml");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !csrf.matches(request.getParameter(CsrfToken.PARAMETER))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The sign-out form has expired; sign out again.");
            return;
        }
        if (request.getUserPrincipal() != null) {
            // Before the session ends: plugin sessions this user opened end with it (host_logout).
            logouts.loggedOut(request.getUserPrincipal().getName(), java.time.Instant.now());
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
