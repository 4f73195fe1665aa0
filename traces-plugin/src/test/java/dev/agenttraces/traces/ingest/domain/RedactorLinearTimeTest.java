package dev.agenttraces.traces.ingest.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The defaults scan a megabyte of adversarial text (each pattern's near misses, repeated) in linear time: a
 * backtracking pattern would take minutes on these, the bounded possessive ones take milliseconds.
 */
class RedactorLinearTimeTest {

    private static final Redactor DEFAULTS = new Redactor(RedactionDefaults.ALL);
    private static final int MEGABYTE = 1 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"a", "a.", "a@", "a@a.", "sk-", "sk-a", "eyJ", "eyJa.", "x://", "a:", "a://a:",
            "Bearer ", "bearer a", "AKIA", "ghp_", "xoxb-a", "AIza", "%+", "\\n", "-", "a@a-"})
    void aMegabyteOfNearMissesFinishesQuickly(String unit) {
        String text = unit.repeat(MEGABYTE / unit.length() + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DEFAULTS.redact(text));
    }

    @Test
    void longRunsWithoutTheirEndingFinishQuickly() {
        String[] texts = {
                "x://" + "a".repeat(MEGABYTE),
                "x://u:" + "p".repeat(MEGABYTE),
                "a".repeat(MEGABYTE) + "@",
                "Bearer " + "a".repeat(MEGABYTE),
                "eyJ" + "a".repeat(MEGABYTE) + ".eyJ",
                "sk-" + "a".repeat(MEGABYTE),
        };
        for (String text : texts) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DEFAULTS.redact(text));
        }
    }

    /** Random text over the characters the patterns care about, with real secrets planted: every one is masked. */
    @Test
    void fuzzedTextNeverLeaksAPlantedSecretAndStaysFast() {
        Random random = new Random(13);
        String alphabet = "aAkKsS09-_.:/@ \n\"\\=+%eyJBearerxoAIzghp";
        String[] secrets = {RedactorTest.OPENAI, RedactorTest.ANTHROPIC, RedactorTest.AWS, RedactorTest.GITHUB,
                RedactorTest.SLACK, RedactorTest.GOOGLE, RedactorTest.JWT};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String secret = secrets[round % secrets.length];
            text.insert(random.nextInt(text.length()), " " + secret + " ");
            String input = text.toString();
            Redactor.Result r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> DEFAULTS.redact(input));
            assertFalse(r.text().contains(secret), "round " + round + " leaked " + secret);
            assertTrue(r.count() >= 1);
            assertEquals(r.text(), DEFAULTS.redact(r.text()).text(), "masking again changes nothing");
        }
    }
}
