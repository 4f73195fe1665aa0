package dev.agenttraces.it.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The one place the suites build a {@link HttpClient}, so that every test speaks to Payara as a browser does.
 *
 * <p>Two platform quirks live here (docs/PLATFORM.md #17 and #18):
 * <ul>
 *   <li>HTTP/1.1 only. Java's client otherwise asks for a cleartext HTTP/2 upgrade (h2c), and Payara's h2c path
 *       answers sporadically with a 500 or a mangled request that no application code saw.</li>
 *   <li>Browser-style cookies. Payara names its session-version cookie {@code JSESSIONIDVERSION}; the JDK's
 *       {@link HttpCookie} guesses an RFC 2965 cookie from the text {@code version=} in that name and sends it back
 *       quoted ({@code JSESSIONIDVERSION="2f:0";$Path=...}), which Payara cannot parse: it answers an empty 200. The
 *       store below keeps every cookie as the Netscape-style cookie a browser sends.</li>
 * </ul>
 */
public final class TestHttp {

    private TestHttp() {
    }

    /** A builder for an HTTP/1.1 client, for callers that add timeouts or redirect rules. */
    public static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }

    /** An HTTP/1.1 client without cookies, for API calls and one-off page requests. */
    public static HttpClient client() {
        return builder().build();
    }

    /** An HTTP/1.1 client that keeps cookies as a browser does, for a signed-in walk through pages. */
    public static HttpClient browser() {
        return builder().cookieHandler(cookies()).build();
    }

    /** A cookie jar that sends cookies back as a browser would ({@code name=value}, never quoted). */
    public static CookieManager cookies() {
        return new CookieManager(new BrowserCookieStore(new CookieManager().getCookieStore()), CookiePolicy.ACCEPT_ALL);
    }

    /** Delegates to the JDK's in-memory store, demoting every cookie to version 0 as it is stored. */
    private record BrowserCookieStore(CookieStore store) implements CookieStore {

        @Override
        public void add(URI uri, HttpCookie cookie) {
            cookie.setVersion(0);
            store.add(uri, cookie);
        }

        @Override
        public List<HttpCookie> get(URI uri) {
            return store.get(uri);
        }

        @Override
        public List<HttpCookie> getCookies() {
            return store.getCookies();
        }

        @Override
        public List<URI> getURIs() {
            return store.getURIs();
        }

        @Override
        public boolean remove(URI uri, HttpCookie cookie) {
            return store.remove(uri, cookie);
        }

        @Override
        public boolean removeAll() {
            return store.removeAll();
        }
    }
}
