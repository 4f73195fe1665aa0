package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextFingerprintTest {

    private static double similarity(String a, String b) {
        return TextFingerprint.of(a).similarity(TextFingerprint.of(b));
    }

    @Test
    void ignoresCaseAndPunctuation() {
        assertThat(similarity("Read the file, again!", "read the file again")).isEqualTo(1.0);
        assertThat(similarity(null, "")).isEqualTo(1.0);
        assertThat(similarity("word", "")).isEqualTo(0.0);
    }

    @Test
    void scoresByWordEditDistanceOverTheLongerText() {
        String twenty = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen eighteen nineteen twenty";
        assertThat(similarity(twenty, twenty.replace("seven ", "SEVEN!! "))).isEqualTo(1.0);
        assertThat(similarity(twenty, twenty.replace("seven ", "other "))).isCloseTo(0.95, within(1e-9));
        assertThat(similarity(twenty, twenty.replace("seven eight", ""))).isCloseTo(0.90, within(1e-9));
        assertThat(similarity("a b c d", "d c b a")).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theBoundedCheckAgreesWithTheFullDistance() {
        Random random = new Random(42);
        String[] vocabulary = {"read", "file", "config", "again", "build", "fails", "test", "port"};
        for (int run = 0; run < 2000; run++) {
            String a = sentence(random, vocabulary);
            String b = sentence(random, vocabulary);
            double threshold = 0.5 + random.nextDouble() * 0.5;
            TextFingerprint fa = TextFingerprint.of(a);
            TextFingerprint fb = TextFingerprint.of(b);
            assertThat(fa.nearIdentical(fb, threshold)).as("%s | %s at %s", a, b, threshold)
                    .isEqualTo(fa.similarity(fb) >= threshold - 1e-9);
        }
    }

    @Test
    void wordsAcrossTheReadingBlocksStayWhole() {
        Random random = new Random(9);
        StringBuilder text = new StringBuilder();
        while (text.length() < 3_000) {
            text.append("w").append(random.nextInt(100_000)).append(' ');
        }
        for (int shift = 1; shift < 12; shift++) {
            assertThat(similarity(text.toString(), " ".repeat(shift) + text)).isEqualTo(1.0);
        }
        assertThat(similarity("x".repeat(1023) + "yz", "x".repeat(1023) + " yz")).isEqualTo(0.0);
    }

    @Test
    void contentHashIgnoresOnlyLeadingAndTrailingWhitespace() {
        assertThat(TextFingerprint.contentHash(" a  b\n")).isEqualTo(TextFingerprint.contentHash("a  b"));
        assertThat(TextFingerprint.contentHash("a b")).isNotEqualTo(TextFingerprint.contentHash("ab"));
        assertThat(TextFingerprint.contentHash("a b")).isNotEqualTo(TextFingerprint.contentHash("a  b"));
    }

    private static String sentence(Random random, String[] vocabulary) {
        StringBuilder s = new StringBuilder();
        int words = random.nextInt(12);
        for (int i = 0; i < words; i++) {
            s.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        return s.toString();
    }
}
