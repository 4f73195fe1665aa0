package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.CostShare;

import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.InsightAccumulator;
import dev.agenttraces.traces.insight.domain.InsightSettings;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepFlag;
import dev.agenttraces.traces.insight.domain.StepScript;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest hook over an in-memory {@link InsightStore}: flags follow batches as they arrive, a page boundary
 * inside a loop changes nothing, steps out of order and a settings change rebuild from the stored steps.
 */
class TraceFlaggingTest {

    /** The port as a list of stored steps and the last saved flags; counts how many steps were read. */
    static final class MemoryStore implements InsightStore {
        final List<InsightStep> steps = new ArrayList<>();
        FlagTotals totals;
        List<StoredFlag> flags = List.of();
        int read;
        int changed;
        int fullSaves;
        int shareReads;

        @Override
        public List<InsightStep> stepsAfter(UUID trace, int afterSeq, int limit) {
            List<InsightStep> page = steps.stream().filter(s -> s.seq() > afterSeq)
                    .sorted(java.util.Comparator.comparingInt(InsightStep::seq)).limit(limit).toList();
            read += page.size();
            return page;
        }

        @Override
        public Optional<Integer> stepCount(UUID trace) {
            return Optional.of(steps.size());
        }

        @Override
        public void save(UUID trace, FlagTotals t, List<StoredFlag> f) {
            fullSaves++;
            totals = t;
            flags = f;
        }

        @Override
        public void saveChanges(UUID trace, FlagTotals t, dev.agenttraces.traces.insight.domain.FlagChanges changes) {
            totals = t;
            List<StoredFlag> kept = new ArrayList<>(flags);
            kept.removeIf(f -> java.util.stream.Stream.concat(changes.deleted().stream(), changes.written().stream())
                    .anyMatch(c -> c.seq() == f.seq() && c.flag() == f.flag()));
            kept.addAll(changes.written());
            kept.sort(java.util.Comparator.comparingInt(StoredFlag::seq).thenComparing(StoredFlag::flag));
            flags = kept;
            changed += changes.deleted().size() + changes.written().size();
        }

        @Override
        public Optional<FlagTotals> totals(UUID trace) {
            return Optional.ofNullable(totals);
        }

        @Override
        public List<StoredFlag> flags(UUID trace, int limit) {
            return flags;
        }

        @Override
        public Map<CostDimension, Map<String, BigDecimal>> costsBy(UUID trace) {
            shareReads++;
            Map<CostDimension, Map<String, BigDecimal>> costs = new java.util.EnumMap<>(CostDimension.class);
            costs.put(CostDimension.TOOL, Map.of("read_file", new BigDecimal("0.03"), CostShare.NONE, new BigDecimal("0.01")));
            costs.put(CostDimension.KIND, Map.of("tool_call", new BigDecimal("0.04")));
            costs.put(CostDimension.MODEL, Map.of("claude-sonnet-4-5", new BigDecimal("0.04")));
            return costs;
        }

        @Override
        public List<dev.agenttraces.traces.insight.domain.WasteRow> agentWaste(long agentId, java.time.Instant from,
                java.time.Instant to, dev.agenttraces.traces.access.domain.BoardScope scope, int limit) {
            return List.of();
        }

        @Override
        public Map<Long, BigDecimal> wasteByAgent(java.time.Instant from, java.time.Instant to,
                                                  dev.agenttraces.traces.access.domain.BoardScope scope) {
            return Map.of();
        }

        @Override
        public List<UUID> staleTraces(String fingerprint, int limit) {
            return List.of();
        }
    }

    private final UUID trace = UUID.randomUUID();
    private final MemoryStore store = new MemoryStore();

    private TraceFlagging flagging(InsightSettings settings) {
        TraceFlagging f = new TraceFlagging();
        f.store = store;
        f.config = new InsightConfig() {
            @Override
            public InsightSettings settings() {
                return settings;
            }
        };
        return f;
    }

    private static List<InsightStep> loopScript() {
        StepScript script = new StepScript().reason("Start.");
        for (int i = 1; i <= 4; i++) {
            script.reason("The build still fails, so let me read the configuration file again, attempt " + i, "0.10")
                    .call("read_file", "{\"path\":\"config.yml\"}", "0.01").result("read_file", "port: 8080");
        }
        return script.call("grep", "{\"q\": 1}").result("grep", "x").call("grep", "{ \"q\" : 1.0 }").result("grep", "x")
                .steps();
    }

    @Test
    void aRecomputeOfPricesRecomputesTheWasteCost() {
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        store.steps.addAll(loopScript());
        flagging.stepsArrived(trace);
        BigDecimal before = store.totals.wasteCostUsd();
        assertThat(before).isPositive();

        store.steps.replaceAll(s -> new InsightStep(s.seq(), s.parentSeq(), s.kind(), s.toolName(), s.toolInput(), s.text(),
                s.costUsd() == null ? null : s.costUsd().multiply(BigDecimal.TEN), s.tokens(), s.durationMs(), s.model()));
        flagging.stepsArrived(trace); // same step count: ingest alone would not notice
        assertThat(store.totals.wasteCostUsd()).isEqualByComparingTo(before);
        flagging.repriced(new dev.agenttraces.traces.pricing.domain.TracesRepriced(List.of(trace)));
        assertThat(store.totals.wasteCostUsd()).isEqualByComparingTo(before.multiply(BigDecimal.TEN));
    }

    @Test
    void flagsGrowBatchByBatchAndOnlyNewStepsAreRead() {
        List<InsightStep> all = loopScript();
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        store.steps.addAll(all.subList(0, 8)); // two cycles: no loop yet
        flagging.stepsArrived(trace);
        assertThat(store.totals.loopCount()).isZero();

        store.steps.addAll(all.subList(8, all.size()));
        store.read = 0;
        flagging.stepsArrived(trace);
        assertThat(store.read).isEqualTo(all.size() - 8);
        assertThat(store.totals.loopCount()).isEqualTo(1);
        assertThat(store.totals.redundantCount()).isEqualTo(4); // read_file in cycles 2-4, and grep
        assertThat(store.totals.stepCount()).isEqualTo(all.size());
        assertThat(store.flags).extracting(StoredFlag::flag).contains(StepFlag.LOOP, StepFlag.REDUNDANT, StepFlag.TOP_COST);
        StoredFlag loop = store.flags.stream().filter(f -> f.flag() == StepFlag.LOOP).findFirst().orElseThrow();
        assertThat(loop.seq()).isEqualTo(2);
        assertThat(loop.endSeq()).isEqualTo(13);
        assertThat(loop.repetitions()).isEqualTo(4);
        assertThat(loop.costUsd()).isEqualByComparingTo("0.33");
    }

    @Test
    void aLoopAcrossTheReadPageBoundaryIsFoundAsInOneRead() {
        List<InsightStep> steps = new ArrayList<>();
        StepScript script = new StepScript();
        for (int i = 0; i < (TraceFlagging.PAGE - 4) / 2; i++) { // the loop starts 3 steps before the page ends
            script.call("grep", "{\"n\":" + i + "}").result("grep", "r" + i);
        }
        for (int i = 1; i <= 4; i++) {
            script.reason("Still failing, let me run the very same check once more, attempt " + i).call("check", "{}")
                    .result("check", "no");
        }
        steps.addAll(script.steps());
        store.steps.addAll(steps);
        flagging(InsightSettings.defaults()).stepsArrived(trace);
        assertThat(store.totals.loopCount()).isEqualTo(1);
        assertThat(store.flags.stream().filter(f -> f.flag() == StepFlag.LOOP).findFirst().orElseThrow().seq())
                .isLessThan(TraceFlagging.PAGE).satisfies(s -> assertThat(s + 11).isGreaterThan(TraceFlagging.PAGE));
    }

    @Test
    void aStepArrivingBelowTheLastSeenRebuildsFromTheStoredSteps() {
        List<InsightStep> all = loopScript();
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        store.steps.addAll(all.subList(0, 5));
        store.steps.addAll(all.subList(6, all.size()));
        flagging.stepsArrived(trace);
        assertThat(store.totals.loopCount()).isZero(); // a gap at seq 6 breaks the first cycle's text
        store.steps.add(all.get(5));
        flagging.stepsArrived(trace);
        assertThat(store.totals.loopCount()).isEqualTo(1);
        assertThat(store.totals.stepCount()).isEqualTo(all.size());
    }

    @Test
    void storedFlagsOfOtherSettingsAreStaleAndRecomputed() {
        store.steps.addAll(loopScript());
        flagging(InsightSettings.defaults()).stepsArrived(trace);
        assertThat(store.totals.loopCount()).isEqualTo(1);

        TraceFlagging stricter = flagging(InsightSettings.defaults().withMinRepetitions(5));
        FlagTotals current = stricter.current(trace, store.steps.size()).orElseThrow();
        assertThat(current.loopCount()).isZero();
        assertThat(current.settingsFingerprint()).isEqualTo(InsightSettings.defaults().withMinRepetitions(5).fingerprint());

        store.read = 0;
        assertThat(stricter.current(trace, store.steps.size())).contains(current);
        assertThat(store.read).isZero(); // current: nothing read again
    }

    /** A trace of repeated reads: most calls carry a flag, which batches must not rewrite each time. */
    private static List<InsightStep> repeatedReads(int calls) {
        StepScript script = new StepScript().reason("Read the sources.", "0.02");
        for (int i = 0; i < calls; i++) {
            script.call("read_file", "{\"path\":\"App" + i % 7 + ".java\"}", "0.01").result("read_file", "class App" + i % 7);
        }
        return script.steps();
    }

    @Test
    void laterBatchesWriteOnlyTheFlagsThatChangedAndEndWhereARecomputeEnds() {
        List<InsightStep> all = repeatedReads(300);
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        int batch = all.size() / 4;
        for (int from = 0; from < all.size(); from += batch) {
            store.steps.addAll(all.subList(from, Math.min(all.size(), from + batch)));
            store.changed = 0;
            flagging.stepsArrived(trace);
            List<StoredFlag> recomputed = StoredFlag.of(InsightAccumulator.analyse(store.steps, InsightSettings.defaults()));
            assertThat(store.flags).containsExactlyInAnyOrderElementsOf(recomputed);
        }
        assertThat(store.fullSaves).isEqualTo(1); // the first batch; the others applied their changes
        assertThat(store.flags).hasSizeGreaterThan(250);
        assertThat(store.changed).isLessThan(store.flags.size() / 2);
    }

    @Test
    void flagsWrittenMeanwhileByAnotherWriterAreRewrittenInFull() {
        List<InsightStep> all = repeatedReads(40);
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        store.steps.addAll(all.subList(0, 41));
        flagging.stepsArrived(trace);
        store.flags = List.of(); // another node, say, stored other flags with other totals
        store.totals = null;
        store.steps.addAll(all.subList(41, all.size()));
        flagging.stepsArrived(trace);
        assertThat(store.fullSaves).isEqualTo(2);
        assertThat(store.flags).containsExactlyInAnyOrderElementsOf(
                StoredFlag.of(InsightAccumulator.analyse(store.steps, InsightSettings.defaults())));
    }

    @Test
    void aStepRewrittenInPlaceIsSeenOnlyWhenToldTheStepsWereRewritten() {
        List<InsightStep> all = new StepScript().llm("model-a", "0.01").llm("model-a", "0.02").steps();
        TraceFlagging flagging = flagging(InsightSettings.defaults());
        store.steps.addAll(all);
        flagging.stepsArrived(trace);
        InsightStep first = all.get(0);
        // an OTLP span re-sent with other content: same seq, same step count, a higher cost
        store.steps.set(0, new InsightStep(first.seq(), first.parentSeq(), first.kind(), first.toolName(),
                first.toolInput(), first.text(), new BigDecimal("0.50"), first.tokens(), first.durationMs(), first.model()));
        flagging.stepsArrived(trace);
        assertThat(topCost(first.seq())).isEqualByComparingTo("0.01"); // nothing above the last seq seen: not noticed

        flagging.stepsRewritten(trace);
        assertThat(topCost(first.seq())).isEqualByComparingTo("0.50");
        assertThat(store.flags).containsExactlyInAnyOrderElementsOf(
                StoredFlag.of(InsightAccumulator.analyse(store.steps, InsightSettings.defaults())));
    }

    private BigDecimal topCost(int seq) {
        return store.flags.stream().filter(f -> f.flag() == StepFlag.TOP_COST && f.seq() == seq).findFirst()
                .orElseThrow().costUsd();
    }
}
