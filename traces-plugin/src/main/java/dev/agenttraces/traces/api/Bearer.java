package dev.agenttraces.traces.api;

/**
 * The one reading of an {@code Authorization} header's Bearer credential (RFC 6750: the scheme is case-insensitive),
 * shared by the ingest endpoints, the OTLP receiver, the annotation read and the viewer filter, so they agree on
 * what counts as a presented token.
 */
public final class Bearer {

    private static final String SCHEME = "Bearer ";

    private Bearer() {
    }

    /** The credential after {@code Bearer }, as sent (not stripped); null when there is no header or another scheme. */
    public static String token(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()) : null;
    }
}
