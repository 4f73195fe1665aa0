package dev.agenttraces.traces.insight.domain.compare;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    private static String side(TextDiff diff, DiffOp only) {
        return diff.chunks().stream().filter(c -> c.op() == DiffOp.EQUAL || c.op() == only).map(DiffChunk::text)
                .collect(Collectors.joining());
    }

    @Test
    void diffsLinesWhenTheTextsHaveSeveral() {
        TextDiff diff = TextDiff.of("a\nb\nc\n", "a\nB\nc\nd\n");
        assertThat(diff.chunks()).containsExactly(new DiffChunk(DiffOp.EQUAL, "a\n"), new DiffChunk(DiffOp.REMOVED, "b\n"),
                new DiffChunk(DiffOp.ADDED, "B\n"), new DiffChunk(DiffOp.EQUAL, "c\n"), new DiffChunk(DiffOp.ADDED, "d\n"));
        assertThat(diff.truncated()).isFalse();
        assertThat(diff.coarse()).isFalse();
        assertThat(diff.identical()).isFalse();
        assertThat(TextDiff.of("same", "same").identical()).isTrue();
    }

    @Test
    void eachSideIsRebuiltFromItsChunks() {
        Random random = new Random(3);
        String[] words = {"alpha", "beta", "gamma", " ", "  ", "\n", "delta"};
        for (int run = 0; run < 300; run++) {
            String a = IntStream.range(0, random.nextInt(30)).mapToObj(i -> words[random.nextInt(words.length)]).collect(Collectors.joining());
            String b = IntStream.range(0, random.nextInt(30)).mapToObj(i -> words[random.nextInt(words.length)]).collect(Collectors.joining());
            TextDiff diff = TextDiff.of(a, b);
            assertThat(side(diff, DiffOp.REMOVED)).isEqualTo(a);
            assertThat(side(diff, DiffOp.ADDED)).isEqualTo(b);
        }
    }

    @Test
    void cutsLongTextsAndSaysSo() {
        String longText = "x ".repeat(TextDiff.MAX_CHARS);
        TextDiff diff = TextDiff.of(longText, longText + "y");
        assertThat(diff.truncated()).isTrue();
        assertThat(side(diff, DiffOp.REMOVED)).hasSize(TextDiff.MAX_CHARS);
    }

    @Test
    void givesUpOnDetailBeyondTheEditBound() {
        String a = IntStream.range(0, 800).mapToObj(i -> "a" + i).collect(Collectors.joining(" "));
        String b = IntStream.range(0, 800).mapToObj(i -> "b" + i).collect(Collectors.joining(" "));
        TextDiff diff = TextDiff.of(a, b);
        assertThat(diff.coarse()).isTrue();
        assertThat(diff.chunks()).containsExactly(new DiffChunk(DiffOp.REMOVED, a), new DiffChunk(DiffOp.ADDED, b));
    }
}
