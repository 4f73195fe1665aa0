package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepKind;
import dev.agenttraces.traces.insight.domain.StepScript;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class TraceAlignmentTest {

    private static StepScript base() {
        return new StepScript()
                .reason("Read the failing test first.", "0.10")
                .call("read_file", "{\"path\":\"AppTest.java\"}", "0.01").result("read_file", "class AppTest {}")
                .call("edit_file", "{\"path\":\"App.java\",\"text\":\"fix\"}").result("edit_file", "ok")
                .call("run_tests", "{}").result("run_tests", "passed");
    }

    private static List<Object> statuses(TraceAlignment alignment) {
        return alignment.pairs().stream().map(p -> (Object) p.status()).toList();
    }

    @Test
    void identicalTracesAreSameThroughout() {
        var alignment = TraceAlignment.of(base().steps(), base().steps());
        assertThat(alignment.pairs()).hasSize(7).allMatch(p -> p.status() == PairStatus.SAME);
        assertThat(alignment.totals().costDeltaUsd()).isEqualByComparingTo("0");
    }

    @Test
    void marksAnInsertedStepWhereItStands() {
        List<InsightStep> left = base().steps();
        List<InsightStep> right = new ArrayList<>(left);
        right.add(3, new InsightStep(99, null, StepKind.REASONING, null, null, "Now fix it.", new BigDecimal("0.05"),
                40, 900L, "model-a"));
        var alignment = TraceAlignment.of(left, right);
        assertThat(statuses(alignment)).containsExactly(PairStatus.SAME, PairStatus.SAME, PairStatus.SAME,
                PairStatus.INSERTED, PairStatus.SAME, PairStatus.SAME, PairStatus.SAME, PairStatus.SAME);
        AlignedPair inserted = alignment.pairs().get(3);
        assertThat(inserted.left()).isNull();
        assertThat(inserted.tokensDelta()).isEqualTo(40);
        assertThat(inserted.costDeltaUsd()).isEqualByComparingTo("0.05");
        assertThat(inserted.durationDeltaMs()).isEqualTo(900L);
        assertThat(alignment.totals()).extracting(AlignmentTotals::same, AlignmentTotals::inserted, AlignmentTotals::tokensDelta,
                AlignmentTotals::durationDeltaMs).containsExactly(7, 1, 40L, 900L);
        assertThat(alignment.totals().costDeltaUsd()).isEqualByComparingTo("0.05");
    }

    @Test
    void marksRemovedStepsAndChangedArguments() {
        List<InsightStep> left = base().steps();
        var right = new StepScript()
                .reason("Read the failing test first.", "0.10")
                .call("read_file", "{\"path\":\"AppTest.java\"}", "0.01").result("read_file", "class AppTest {}")
                .call("edit_file", "{\"text\":\"better fix\",\"path\":\"App.java\"}").result("edit_file", "ok")
                .steps();
        var alignment = TraceAlignment.of(left, right);
        assertThat(alignment.pairs()).extracting(AlignedPair::status, p -> p.left() == null ? null : p.left().seq())
                .containsExactly(tuple(PairStatus.SAME, 1), tuple(PairStatus.SAME, 2), tuple(PairStatus.SAME, 3),
                        tuple(PairStatus.CHANGED, 4), tuple(PairStatus.SAME, 5), tuple(PairStatus.REMOVED, 6),
                        tuple(PairStatus.REMOVED, 7));
        AlignedPair changed = alignment.pairs().get(3);
        assertThat(changed.argumentsChanged()).isTrue();
        assertThat(changed.argumentsDiff().chunks()).containsExactly(
                new DiffChunk(DiffOp.EQUAL, "{\n  \"path\": \"App.java\",\n"),
                new DiffChunk(DiffOp.REMOVED, "  \"text\": \"fix\"\n"),
                new DiffChunk(DiffOp.ADDED, "  \"text\": \"better fix\"\n"),
                new DiffChunk(DiffOp.EQUAL, "}"));
        assertThat(alignment.totals()).extracting(AlignmentTotals::same, AlignmentTotals::changed, AlignmentTotals::removed)
                .containsExactly(4, 1, 2);
    }

    @Test
    void argumentsInAnotherKeyOrderAreTheSame() {
        var left = new StepScript().call("search", "{\"q\":\"x\",\"n\":1}").steps();
        var right = new StepScript().call("search", "{ \"n\" : 1.0 , \"q\" : \"x\" }").steps();
        assertThat(statuses(TraceAlignment.of(left, right))).containsExactly(PairStatus.SAME);
    }

    @Test
    void neverPairsStepsOfDifferentTools() {
        var left = new StepScript().call("read_file", "{\"p\":1}").steps();
        var right = new StepScript().call("cat", "{\"p\":1}").steps();
        assertThat(statuses(TraceAlignment.of(left, right))).containsExactlyInAnyOrder(PairStatus.REMOVED, PairStatus.INSERTED);
    }

    @Test
    void aChangedTextShowsAWordDiffAndUnpricedSidesHaveNoCostDelta() {
        var left = new StepScript().reason("read the config file").steps();
        var right = new StepScript().reason("read the main config file").steps();
        AlignedPair pair = TraceAlignment.of(left, right).pairs().get(0);
        assertThat(pair.status()).isEqualTo(PairStatus.CHANGED);
        assertThat(pair.costDeltaUsd()).isNull();
        assertThat(pair.textDiff().chunks()).containsExactly(new DiffChunk(DiffOp.EQUAL, "read the "),
                new DiffChunk(DiffOp.ADDED, "main "), new DiffChunk(DiffOp.EQUAL, "config file"));
    }

    @Test
    void keepsBothTracesInOrderAndFindsAnOptimalAlignment() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<InsightStep> left = randomSteps(random, random.nextInt(25));
            List<InsightStep> right = randomSteps(random, random.nextInt(25));
            for (long maxCells : new long[]{StepAligner.MAX_CELLS, 30}) {
                List<AlignedPair> pairs = StepAligner.align(left, right, maxCells);
                assertThat(pairs.stream().filter(p -> p.left() != null).map(AlignedPair::left).toList()).isEqualTo(left);
                assertThat(pairs.stream().filter(p -> p.right() != null).map(AlignedPair::right).toList()).isEqualTo(right);
                assertThat(pairs).allMatch(p -> p.left() == null || p.right() == null
                        || (p.left().kind() == p.right().kind() && java.util.Objects.equals(p.left().toolName(), p.right().toolName())));
                if (maxCells == StepAligner.MAX_CELLS) {
                    assertThat(cost(pairs)).as("run %d", run).isEqualTo(referenceCost(left, right));
                }
            }
        }
    }

    private static int cost(List<AlignedPair> pairs) {
        return pairs.stream().mapToInt(p -> switch (p.status()) {
            case SAME -> 0;
            case CHANGED -> 1;
            default -> 2;
        }).sum();
    }

    /** The textbook full-matrix programme with the same costs, to check the packed one against. */
    private static int referenceCost(List<InsightStep> a, List<InsightStep> b) {
        int[][] d = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i <= a.size(); i++) {
            for (int j = 0; j <= b.size(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = 2 * (i + j);
                    continue;
                }
                d[i][j] = Math.min(d[i - 1][j], d[i][j - 1]) + 2;
                InsightStep x = a.get(i - 1);
                InsightStep y = b.get(j - 1);
                if (x.kind() == y.kind() && java.util.Objects.equals(x.toolName(), y.toolName())) {
                    d[i][j] = Math.min(d[i][j], d[i - 1][j - 1] + (java.util.Objects.equals(x.text(), y.text()) ? 0 : 1));
                }
            }
        }
        return d[a.size()][b.size()];
    }

    private static List<InsightStep> randomSteps(Random random, int count) {
        var script = new StepScript();
        for (int i = 0; i < count; i++) {
            String tool = "t" + random.nextInt(3);
            switch (random.nextInt(3)) {
                case 0 -> script.reason("r" + random.nextInt(2));
                case 1 -> script.call(tool, "{}");
                default -> script.result(tool, "out" + random.nextInt(2));
            }
        }
        return script.steps();
    }
}
