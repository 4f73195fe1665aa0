package dev.agenttraces.taskboard.host.security.login;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * PBKDF2 password hashes in the format Jakarta Security's {@code Pbkdf2PasswordHash} writes and reads,
 * {@code <algorithm>:<iterations>:<base64 salt>:<base64 key>}, so every hash stored before (2,048
 * iterations, the container's default) keeps verifying. New hashes use {@link #CURRENT_ITERATIONS}
 * rounds of PBKDF2-HMAC-SHA256 (OWASP's Password Storage Cheat Sheet figure), and
 * {@link #needsRehash} tells the login to replace a weaker stored hash while the clear text is at hand.
 * A hash that cannot be parsed (a disabled account's marker, say) simply never verifies.
 */
public final class PasswordHashes {

    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    public static final int CURRENT_ITERATIONS = 600_000;
    static final String CURRENT_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final Set<String> ALGORITHMS = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    /** Far above any sane setting; a stored value beyond it is treated as corrupt, not run. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHashes() {
        this(CURRENT_ITERATIONS);
    }

    /** Tests use fewer rounds; production always uses {@link #CURRENT_ITERATIONS}. */
    PasswordHashes(int iterations) {
        this.iterations = iterations;
    }

    /** A fresh salted hash of {@code password} at the current strength. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return CURRENT_ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(CURRENT_ALGORITHM, password, salt, iterations, KEY_BYTES));
    }

    /** Whether {@code password} matches {@code stored}; false for anything that is not a PBKDF2 hash. */
    public boolean verify(char[] password, String stored) {
        Parsed p = Parsed.of(stored);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(p.algorithm, password, p.salt, p.iterations, p.key.length);
        return MessageDigest.isEqual(actual, p.key);
    }

    /** Whether a hash that just verified is weaker than what {@link #hash} would write today. */
    public boolean needsRehash(String stored) {
        Parsed p = Parsed.of(stored);
        return p == null || !p.algorithm.equals(CURRENT_ALGORITHM) || p.iterations < iterations;
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + algorithm, e);
        }
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {
        static Parsed of(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split(":");
            if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] key = Base64.getDecoder().decode(parts[3]);
                boolean sane = iterations > 0 && iterations <= MAX_ITERATIONS && salt.length > 0 && key.length > 0;
                return sane ? new Parsed(parts[0], iterations, salt, key) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
