package dev.agenttraces.traces.insight;

import dev.agenttraces.traces.insight.domain.InsightAccumulator;
import dev.agenttraces.traces.insight.domain.InsightSettings;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepKind;
import dev.agenttraces.traces.insight.domain.TraceInsights;
import dev.agenttraces.traces.insight.domain.compare.TraceAlignment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times the insight detectors on a generated 200,000-step trace and the compare of two 5,000-step traces:
 * a benchmark, not a test (nothing asserts a time). Warm-up runs first, then the median of the timed runs.
 * Run it after {@code mvn -B -o -q -pl traces-plugin -am test-compile}, from the worktree root:
 * <pre>
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp traces-plugin/target/classes:traces-plugin/target/test-classes \
 *   dev.agenttraces.traces.insight.InsightBenchmark
 * </pre>
 */
public final class InsightBenchmark {

    private static final int WARM_UPS = 5;
    private static final int RUNS = 11;
    private static final String[] WORDS = ("the build test file config fails again read check error port value class method "
            + "let me look at why this still does not work maybe change import fix path line null").split(" ");
    private static final String[] TOOLS = {"read_file", "grep", "list_dir", "edit_file", "run_tests", "search", "fetch", "git_diff"};

    private InsightBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%d timed runs after %d warm-ups each; %s, %d cores, max heap %d MB%n", RUNS, WARM_UPS,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<InsightStep> big = generate(new Random(1), 200_000);
        TraceInsights insights = InsightAccumulator.analyse(big, InsightSettings.defaults());
        System.out.printf(Locale.ROOT, "analysis input: %d steps; found %d redundant, %d loops, %d retries, total $%s%n",
                insights.stepCount(), insights.redundantCount(), insights.loopCount(), insights.retryCount(),
                insights.totalCostUsd().toPlainString());
        report("analyse 200,000 steps (one batch)", () -> InsightAccumulator.analyse(big, InsightSettings.defaults()));
        report("analyse 200,000 steps (batches of 1,000, insights after each)", () -> paged(big, 1_000));

        List<InsightStep> left = generate(new Random(2), 5_000);
        List<InsightStep> edited = edit(left, new Random(3));
        List<InsightStep> unrelated = generate(new Random(4), 5_000);
        TraceAlignment sample = TraceAlignment.of(left, edited);
        System.out.printf(Locale.ROOT, "compare input: %d vs %d steps; %d same, %d changed, %d inserted, %d removed%n",
                left.size(), edited.size(), sample.totals().same(), sample.totals().changed(), sample.totals().inserted(),
                sample.totals().removed());
        report("align 5,000 x 5,000 steps (a retry: ~5 % edited)", () -> TraceAlignment.of(left, edited));
        report("align 5,000 x 5,000 steps (unrelated traces, full DP)", () -> TraceAlignment.of(left, unrelated));
    }

    private static TraceInsights paged(List<InsightStep> steps, int page) {
        InsightAccumulator accumulator = new InsightAccumulator(InsightSettings.defaults());
        TraceInsights last = null;
        for (int from = 0; from < steps.size(); from += page) {
            accumulator.acceptAll(steps.subList(from, Math.min(steps.size(), from + page)));
            last = accumulator.insights();
        }
        return last;
    }

    /**
     * Prints the median wall time and the median CPU time of the calling thread: on a shared machine the
     * wall time includes waiting for a core, the CPU time is closer to what the work itself costs.
     */
    private static void report(String what, Supplier<Object> work) {
        for (int i = 0; i < WARM_UPS; i++) {
            work.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.get();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-62s wall median %7.1f ms (min %.1f, max %.1f); cpu median %7.1f ms%n",
                what, wall[RUNS / 2], wall[0], wall[RUNS - 1], cpu[RUNS / 2]);
    }

    /** A trace of think / call / result rounds, with repeated reads, errors and retries, and now and then a loop. */
    static List<InsightStep> generate(Random random, int count) {
        List<InsightStep> steps = new ArrayList<>(count);
        while (steps.size() < count) {
            int repeats = random.nextInt(40) == 0 ? 3 + random.nextInt(3) : 1;
            String thought = sentence(random, 20 + random.nextInt(30));
            String tool = TOOLS[random.nextInt(TOOLS.length)];
            String path = "src/File" + random.nextInt(300) + ".java";
            String output = sentence(random, 30 + random.nextInt(120));
            for (int r = 0; r < repeats && steps.size() < count; r++) {
                add(steps, StepKind.REASONING, null, null, thought + (repeats > 1 ? " attempt " + r : ""), cost(random), "model-a");
                String argsJson = random.nextBoolean() ? "{\"path\":\"" + path + "\",\"limit\":200}"
                        : "{ \"limit\" : 200.0, \"path\" : \"" + path + "\" }";
                add(steps, StepKind.TOOL_CALL, tool, argsJson, null, cost(random), null);
                if (random.nextInt(50) == 0) {
                    add(steps, StepKind.ERROR, null, null, "tool failed: timeout", null, null);
                } else {
                    add(steps, StepKind.TOOL_RESULT, tool, null, output, null, null);
                }
            }
        }
        return steps.subList(0, count);
    }

    /** The same trace with about 5 % of its steps removed, inserted or changed, as a retry of a task would be. */
    static List<InsightStep> edit(List<InsightStep> steps, Random random) {
        List<InsightStep> out = new ArrayList<>(steps.size());
        for (InsightStep s : steps) {
            int dice = random.nextInt(60);
            if (dice == 0) {
                continue;
            }
            if (dice == 1) {
                add(out, StepKind.REASONING, null, null, sentence(random, 25), cost(random), "model-b");
            }
            if (dice == 2 && s.kind() == StepKind.TOOL_CALL) {
                add(out, s.kind(), s.toolName(), "{\"path\":\"other.java\"}", null, s.costUsd(), null);
                continue;
            }
            out.add(new InsightStep(out.size() + 1, null, s.kind(), s.toolName(), s.toolInput(), s.text(), s.costUsd(),
                    s.tokens(), s.durationMs(), s.model()));
        }
        return out;
    }

    private static void add(List<InsightStep> steps, StepKind kind, String tool, String input, String text, BigDecimal cost,
                            String model) {
        steps.add(new InsightStep(steps.size() + 1, null, kind, tool, input, text, cost, 500, 120L, model));
    }

    private static BigDecimal cost(Random random) {
        return BigDecimal.valueOf(random.nextInt(50_000), 8);
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder(words * 6);
        for (int i = 0; i < words; i++) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ".\n" : " ");
        }
        return s.toString();
    }
}
