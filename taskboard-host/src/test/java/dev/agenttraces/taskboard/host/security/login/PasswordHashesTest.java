package dev.agenttraces.taskboard.host.security.login;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {

    /** Fewer rounds keep the test fast; the format and the comparison are the same. */
    private final PasswordHashes hashes = new PasswordHashes(1_000);

    /** A hash as Jakarta Security's Pbkdf2PasswordHash wrote it with its defaults (2,048 rounds). */
    static String containerDefaultHash(String password) throws Exception {
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 2048, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void newHashesUseOwaspsIterationCountForPbkdf2Sha256() {
        String hash = new PasswordHashes().hash("s3cret".toCharArray());
        assertThat(hash).startsWith("PBKDF2WithHmacSHA256:600000:");
        assertThat(PasswordHashes.CURRENT_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void verifiesItsOwnHashes() {
        String hash = hashes.hash("s3cret".toCharArray());
        assertThat(hashes.verify("s3cret".toCharArray(), hash)).isTrue();
        assertThat(hashes.verify("S3cret".toCharArray(), hash)).isFalse();
        assertThat(hashes.hash("s3cret".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void existingContainerHashesKeepVerifyingAndAreMarkedForRehash() throws Exception {
        String old = containerDefaultHash("admin-pass");
        assertThat(new PasswordHashes().verify("admin-pass".toCharArray(), old)).isTrue();
        assertThat(new PasswordHashes().needsRehash(old)).isTrue();
        assertThat(new PasswordHashes().needsRehash("PBKDF2WithHmacSHA256:600000:c2FsdA==:a2V5")).isFalse();
        assertThat(new PasswordHashes().needsRehash("PBKDF2WithHmacSHA512:600000:c2FsdA==:a2V5")).isTrue();
    }

    @Test
    void anythingElseNeverVerifies() {
        for (String stored : new String[]{null, "", "!demo-account-disabled", "plain", "MD5:1:c2FsdA==:a2V5",
                "PBKDF2WithHmacSHA256:x:c2FsdA==:a2V5", "PBKDF2WithHmacSHA256:0:c2FsdA==:a2V5",
                "PBKDF2WithHmacSHA256:999999999:c2FsdA==:a2V5", "PBKDF2WithHmacSHA256:1000:***:a2V5"}) {
            assertThat(hashes.verify("x".toCharArray(), stored)).as(String.valueOf(stored)).isFalse();
        }
    }
}
