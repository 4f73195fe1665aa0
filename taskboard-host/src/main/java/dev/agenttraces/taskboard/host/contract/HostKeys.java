package dev.agenttraces.taskboard.host.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.agenttraces.taskboard.contract.Pem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The RSA key the host signs plugin tokens with. Production points
 * {@code taskboard.contract.private-key-file} at a PKCS#8 PEM; without it a fresh key is generated at
 * start, which is fine because tokens live two minutes and plugins fetch the public half from
 * {@code /.well-known/jwks.json}.
 */
@ApplicationScoped
public class HostKeys {

    private static final Logger LOG = Logger.getLogger(HostKeys.class.getName());

    @Inject
    @ConfigProperty(name = "taskboard.contract.private-key-file")
    Optional<String> privateKeyFile;

    private RSAKey key;

    @PostConstruct
    void load() {
        try {
            KeyPair pair = privateKeyFile.isPresent() ? readPem(Path.of(privateKeyFile.get())) : generate();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
            LOG.info(() -> "Plugin token signing key " + key.getKeyID()
                    + (privateKeyFile.isPresent() ? " from " + privateKeyFile.get() : " (generated at start)"));
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot load the plugin token signing key", e);
        }
    }

    public RSAKey signingKey() {
        return key;
    }

    /** The public half, as a JWK Set, for plugins to verify tokens with. */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static KeyPair readPem(Path file) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Pem.der(file)));
        BigInteger modulus = priv.getModulus();
        return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(modulus, priv.getPublicExponent())), priv);
    }
}
