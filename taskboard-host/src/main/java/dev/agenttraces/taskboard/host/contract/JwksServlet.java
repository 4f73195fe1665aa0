package dev.agenttraces.taskboard.host.contract;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Publishes the public key plugins verify host tokens with (a JWK Set, RFC 7517). */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    @Inject
    transient HostKeys keys;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/jwk-set+json");
        resp.setHeader("Cache-Control", "max-age=300");
        resp.getWriter().write(keys.publicJwks());
    }
}
