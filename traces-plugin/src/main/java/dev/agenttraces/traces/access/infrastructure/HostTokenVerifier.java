package dev.agenttraces.traces.access.infrastructure;

import dev.agenttraces.traces.access.domain.ViewerIdentity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.agenttraces.taskboard.contract.HostContract;
import dev.agenttraces.taskboard.contract.Pem;
import dev.agenttraces.taskboard.contract.UrlHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Set;

/**
 * Checks a host token with Nimbus JOSE+JWT (no hand-rolled crypto): RS256 signature against the host's
 * key (a configured PEM, or the host's JWK Set URL, cached and refreshed by Nimbus), issuer, expiry,
 * required claims; then the audience and the URL binding, which get a 403 rather than a 401 because
 * the token is genuine but meant for another plugin or another URL.
 */
@ApplicationScoped
public class HostTokenVerifier {

    @Inject
    HostContractSettings settings;

    @Inject
    FrameTokenLedger ledger;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("sub", "exp", "iat", "aud", HostContract.CLAIM_URL_HASH)));
    }

    /** @param rawPath the request URI as sent; @param rawQuery its query string, or null */
    public ViewerIdentity verify(String token, String rawPath, String rawQuery) throws TokenRefusedException {
        return verifyClaims(token, rawPath, rawQuery).identity();
    }

    /**
     * Verifies a frame token ({@code ?at=}), which may be used once only: its {@code jti} enters the ledger,
     * so the same signed URL replayed (from a log, a Referer, the browser history) is refused.
     */
    public ViewerIdentity verifyFrameToken(String token, String rawPath, String rawQuery) throws TokenRefusedException {
        Verified v = verifyClaims(token, rawPath, rawQuery);
        if (v.jti() == null || v.jti().isBlank()) {
            throw new TokenRefusedException(401, "The frame token has no jti");
        }
        if (!ledger.firstUse(v.jti(), v.identity().expiresAt(), Instant.now())) {
            throw new TokenRefusedException(401, "The frame token was already used; reload the page from the Taskboard");
        }
        return v.identity();
    }

    private record Verified(ViewerIdentity identity, String jti) {
    }

    private Verified verifyClaims(String token, String rawPath, String rawQuery) throws TokenRefusedException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new TokenRefusedException(401, "The token is not a signed JWT");
        } catch (BadJOSEException e) {
            throw new TokenRefusedException(401, "The token was refused: " + e.getMessage());
        } catch (Exception e) {
            throw new TokenRefusedException(401, "The token cannot be checked: " + e.getMessage());
        }
        if (!claims.getAudience().contains(settings.pluginKey())) {
            throw new TokenRefusedException(403, "The token is for " + claims.getAudience() + ", not " + settings.pluginKey());
        }
        try {
            if (!UrlHash.of(rawPath, rawQuery).equals(claims.getStringClaim(HostContract.CLAIM_URL_HASH))) {
                throw new TokenRefusedException(403, "The token was issued for another URL");
            }
            Instant iat = claims.getIssueTime().toInstant();
            Instant exp = claims.getExpirationTime().toInstant();
            return new Verified(ViewerIdentity.isServiceSubject(claims.getSubject()) ? ViewerIdentity.hostService(iat, exp)
                    : ViewerIdentity.user(claims.getSubject(), iat, exp), claims.getJWTID());
        } catch (ParseException e) {
            throw new TokenRefusedException(401, "The token's claims are malformed: " + e.getMessage());
        }
    }

    private JWKSource<SecurityContext> keySource() {
        if (settings.publicKeyFile().isPresent()) {
            return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(readPem(Path.of(settings.publicKeyFile().get()))).build()));
        }
        try {
            return JWKSourceBuilder.create(URI.create(settings.jwksUrl()).toURL()).retrying(true).build();
        } catch (IOException e) {
            throw new IllegalStateException("Bad agent.traces.host.jwks-url " + settings.jwksUrl(), e);
        }
    }

    private static RSAPublicKey readPem(Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Pem.der(file)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the host public key " + file, e);
        }
    }
}
