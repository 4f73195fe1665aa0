package dev.agenttraces.traces.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtcInstantsTest {

    /** Texts on every edge of the fast path: each must parse as Instant.parse parses it, or fail as it fails. */
    private static final String[] EDGES = {
        "2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2026-12-31T23:59:59.9Z", "2026-12-31T23:59:59.123456789Z",
        "2026-06-01T12:00:00.000Z", "2026-06-01T12:00:00.000001Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2024-02-29T10:00:00Z", "2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-00-10T10:00:00Z", "2026-01-00T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
        "2026-06-30T23:59:60Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00",
        "2026-01-01T00:00:00+01:00", "2026-01-01T00:00:00z", "2026-01-01t00:00:00Z", "2026-01-01 00:00:00Z",
        "+2026-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01T00:00:0xZ",
        "2026-01-01T00:00:00.12a4Z", "2026-01-01T00:00:00,5Z", "２０２６-01-01T00:00:00Z", "", "Z", "yesterday",
    };

    @Test
    void everyEdgeParsesOrFailsExactlyAsInstantParse() {
        for (String text : EDGES) {
            assertSameAsInstantParse(text);
        }
    }

    @Test
    void randomInstantsInEveryPrecisionRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(253_402_300_799L), random.nextInt(1_000_000_000));
            String text = at.toString();
            assertThat(UtcInstants.fast(text)).as(text).isEqualTo(at);
            String millis = Instant.ofEpochMilli(at.toEpochMilli()).toString();
            assertThat(UtcInstants.fast(millis)).as(millis).isEqualTo(Instant.parse(millis));
        }
    }

    @Test
    void theFastPathTakesTheCommonFormsAndLeavesTheRest() {
        assertThat(UtcInstants.fast("2026-12-02T10:15:30.123Z")).isNotNull();
        assertThat(UtcInstants.fast("2026-06-30T23:59:60Z")).isNull();
        assertThat(UtcInstants.fast("2026-01-01T00:00:00+01:00")).isNull();
    }

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> UtcInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(UtcInstants.parse(text)).as(text).isEqualTo(expected);
    }

    /** A stored step's content hash is built on this text: it must be Instant.toString's to the character. */
    @Test
    void formatWritesWhatInstantToStringWrites() {
        Random random = new Random(7);
        long[] seconds = {0, -1, 1, -62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L,
            -100_000_000_000L, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond(), 951_782_400L};
        int[] nanos = {0, 1, 10, 999, 1000, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999, 100_000};
        for (long s : seconds) {
            for (int n : nanos) {
                Instant at = Instant.ofEpochSecond(s, n);
                assertThat(UtcInstants.format(at)).isEqualTo(at.toString());
            }
        }
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(UtcInstants.format(at)).isEqualTo(at.toString());
        }
    }
}
