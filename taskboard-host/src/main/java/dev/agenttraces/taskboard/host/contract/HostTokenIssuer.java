package dev.agenttraces.taskboard.host.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agenttraces.taskboard.contract.HostContract;
import dev.agenttraces.taskboard.contract.UrlHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signs the short-lived tokens that vouch for a user to a plugin (RS256): issuer = this host,
 * audience = the plugin's key, subject = the user, their roles, the context values of the page, and a
 * hash of the exact URL, so a token is useless on any other URL and expires in about two minutes.
 */
@ApplicationScoped
public class HostTokenIssuer {

    @Inject
    HostKeys keys;

    @Inject
    PluginRegistry registry;

    @Inject
    @ConfigProperty(name = "taskboard.contract.issuer", defaultValue = "taskboard-host")
    String issuer;

    @Inject
    @ConfigProperty(name = "taskboard.contract.token-ttl-seconds", defaultValue = "120")
    long ttlSeconds;

    /**
     * A token for the plugin that serves {@code url} (the audience is looked up by URL).
     *
     * @throws IllegalStateException while no discovered plugin serves that URL
     */
    public String issue(String subject, Set<String> roles, Map<String, String> context, URI url) {
        String audience = registry.pluginKeyFor(url)
                .orElseThrow(() -> new IllegalStateException("no discovered plugin serves " + url.getRawPath()));
        return issue(audience, subject, roles, context, url);
    }

    public String issue(String audience, String subject, Set<String> roles, Map<String, String> context, URI url) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim(HostContract.CLAIM_ROLES, List.copyOf(roles))
                .claim(HostContract.CLAIM_CONTEXT, Map.copyOf(context))
                .claim(HostContract.CLAIM_URL_HASH, UrlHash.of(url))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(ttlSeconds))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(keys.signingKey().getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a plugin token", e);
        }
        return jwt.serialize();
    }
}
