package dev.agenttraces.taskboard.host.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A per-session secret that plain (non-Faces) forms post back, so that a request another site makes the
 * browser send cannot pass: that site can make the browser send the session cookie (where SameSite
 * does not stop it) but cannot read the token from a host page. Faces forms have their view state for
 * this; the logout form is a plain form so that it works on every page, error pages included.
 */
@Named
@SessionScoped
public class CsrfToken implements Serializable {

    /** The form field carrying the token. */
    public static final String PARAMETER = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    public CsrfToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String getValue() {
        return value;
    }

    /** Constant-time comparison with what a form sent. */
    public boolean matches(String sent) {
        return sent != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }
}
