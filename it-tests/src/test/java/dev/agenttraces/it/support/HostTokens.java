package dev.agenttraces.it.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agenttraces.taskboard.contract.Pem;
import dev.agenttraces.taskboard.contract.UrlHash;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints host tokens the way the host does, with the suites' test key (the servers the suites start are
 * configured with its public half), plus the bad variants the refusal tests need.
 */
public final class HostTokens {

    public static final String PLUGIN = "agent-traces";

    private HostTokens() {
    }

    /** The plugin URL {@code pathAndQuery} (e.g. /traces/task-panel.xhtml?task=1), signed for the user. */
    public static String signedUrl(String baseUrl, String username, Set<String> roles, String pathAndQuery) {
        return baseUrl + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "at="
                + mint(username, roles, pathAndQuery);
    }

    public static String mint(String username, Set<String> roles, String pathAndQuery) {
        return new Spec(username, roles, pathAndQuery).sign();
    }

    /** A token specification whose parts a test may spoil one at a time. */
    public record Spec(String username, Set<String> roles, String pathAndQuery, String audience, String issuer,
                       Duration validFor, String keyFile) {

        public Spec(String username, Set<String> roles, String pathAndQuery) {
            this(username, roles, pathAndQuery, PLUGIN, "taskboard-host", Duration.ofMinutes(2), "host-private.pem");
        }

        public Spec audience(String a) {
            return new Spec(username, roles, pathAndQuery, a, issuer, validFor, keyFile);
        }

        public Spec validFor(Duration d) {
            return new Spec(username, roles, pathAndQuery, audience, issuer, d, keyFile);
        }

        public Spec forgedKey() {
            return new Spec(username, roles, pathAndQuery, audience, issuer, validFor, "forger-private.pem");
        }

        public String sign() {
            try {
                Instant now = Instant.now();
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .issuer(issuer).audience(audience).subject(username)
                        .claim("groups", List.copyOf(roles)).claim("ctx", Map.of())
                        .claim("uh", UrlHash.of(URI.create("http://x" + pathAndQuery)))
                        .issueTime(Date.from(now.minusSeconds(validFor.isNegative() ? 300 : 0)))
                        .expirationTime(Date.from(now.plus(validFor)))
                        .jwtID(UUID.randomUUID().toString()).build();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
                jwt.sign(new RSASSASigner(privateKey(keyFile)));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static PrivateKey privateKey(String file) throws Exception {
        byte[] der = Pem.der(Path.of(System.getProperty("it.keys.dir"), file));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
