package dev.agenttraces.demo.agents.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Writes the runs an agent would make on a task, as data, before anything is sent: so the same run can
 * go out through JSON or OTLP (and fall back from one to the other), be played live or at once, and be
 * tested without a server. Deterministic for a given random generator.
 */
public final class ScenarioGenerator {

    /** How many steps the huge trace has (issue 11: "one trace of 20,000 steps"). */
    public static final int HUGE_STEPS = 20_000;

    private static final int LOOP_ROUNDS = 4;

    private final RandomGenerator random;

    public ScenarioGenerator(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The runs of {@code shape} on {@code task}, the first starting at {@code start}, with about
     * {@code pause} between steps (zero: as fast as a replay). {@code steps} sizes the long-running and
     * the huge shapes; the others ignore it.
     */
    public List<Run> runs(Shape shape, AgentProfile agent, TaskBrief task, Instant start, Duration pause, int steps) {
        return switch (shape) {
            case ORDINARY -> List.of(ordinary(builder(agent, task, start, pause), task, 2 + random.nextInt(3)));
            case REASONING_LOOP -> List.of(loop(builder(agent, task, start, pause), task));
            case REDUNDANT_CALLS -> List.of(redundant(builder(agent, task, start, pause), task));
            case SUB_AGENT -> List.of(subAgent(builder(agent, task, start, pause), task));
            case ERROR_THEN_RETRY -> errorThenRetry(agent, task, start, pause);
            case HUGE -> List.of(huge(builder(agent, task, start, pause), task, steps));
            case LONG_RUNNING -> List.of(ordinary(builder(agent, task, start, pause).feature(Feature.LONG_RUNNING),
                    task, Math.max(1, (steps - 7) / 3))); // 2 opening steps, 3 a cycle, 5 to finish
        };
    }

    private RunBuilder builder(AgentProfile agent, TaskBrief task, Instant start, Duration pause) {
        RunBuilder run = new RunBuilder(random, agent, task.id(), new UUID(random.nextLong(), random.nextLong()), start, pause);
        run.system(Scripts.SYSTEM_PROMPT, Scripts.userMessage(task));
        run.llm(Scripts.plan(task, random), 600 + random.nextInt(400));
        return run;
    }

    /** Plan, then {@code cycles} read-think rounds, a change, green tests and a summary. */
    private Run ordinary(RunBuilder run, TaskBrief task, int cycles) {
        for (int i = 0; i < cycles; i++) {
            String file = Scripts.file(random);
            if (i % 2 == 0) {
                run.tool("read_file", Scripts.args("path", file), Scripts.fileContent(file));
                run.llm(Scripts.afterRead(file, random), 1_200 + random.nextInt(2_500));
            } else {
                String query = Scripts.keyword(task);
                run.tool("search_code", Scripts.args("query", query, "limit", 20), Scripts.searchResult(query));
                run.llm(Scripts.change(file), 700 + random.nextInt(900));
            }
        }
        return finish(run, task);
    }

    private Run finish(RunBuilder run, TaskBrief task) {
        String file = Scripts.file(random);
        run.tool("edit_file", Scripts.args("path", file, "line", 40 + random.nextInt(120)), "Applied 1 hunk (+6 −2).");
        run.tool("run_tests", Scripts.args("module", "app"), Scripts.testOutput(true));
        run.llm(Scripts.summary(task, run.stepCount() + 1), 500 + random.nextInt(300));
        return run.build(false, null);
    }

    /** The same think-and-run-tests cycle {@value #LOOP_ROUNDS} times with near-identical text, then a new approach. */
    private Run loop(RunBuilder run, TaskBrief task) {
        run.feature(Feature.REASONING_LOOP);
        String args = Scripts.args("test", "LoginTest#rateLimitAllowsBurst");
        run.tool("run_tests", args, Scripts.testOutput(false));
        for (int attempt = 1; attempt <= LOOP_ROUNDS; attempt++) {
            run.llm(Scripts.loop(attempt), 420 + random.nextInt(60));
            run.tool("run_tests", args, Scripts.testOutput(false));
        }
        run.llm(Scripts.breakLoop(), 800);
        return finish(run, task);
    }

    /** Reads the same file three times and searches the same query twice, with nothing changed in between. */
    private Run redundant(RunBuilder run, TaskBrief task) {
        run.feature(Feature.REDUNDANT_TOOL_CALLS);
        String file = Scripts.file(random);
        String query = Scripts.keyword(task);
        for (int i = 0; i < 3; i++) {
            run.tool("read_file", Scripts.args("path", file), Scripts.fileContent(file));
            run.llm(Scripts.afterRead(file, random), 1_800 + random.nextInt(600));
            if (i < 2) {
                run.tool("search_code", Scripts.args("query", query, "limit", 20), Scripts.searchResult(query));
            }
        }
        return finish(run, task);
    }

    /** Hands a research question to a sub-agent on the agent's smaller model and uses its summary. */
    private Run subAgent(RunBuilder run, TaskBrief task) {
        run.llm(Scripts.delegate(task), 400);
        String brief = Scripts.args("agent", "researcher", "maxSteps", 6);
        String callId = run.subAgent("run_subagent", brief, run.agentProfile().subAgentModel());
        run.llm(Scripts.subAgentThought(0), 300);
        String query = Scripts.keyword(task) + " comparison 2026";
        run.tool("web_search", Scripts.args("query", query), Scripts.searchResult(query));
        run.llm(Scripts.subAgentThought(1), 2_400 + random.nextInt(1_000));
        run.endSubAgent("run_subagent", callId, "Researcher: two recent comparisons agree; option B is simpler to run"
                + " and fast enough below 10M items. Sources: 2 links.");
        run.llm(Scripts.afterRead("the researcher's summary", random), 600);
        return finish(run, task);
    }

    /** A run that hits failing tests, then a provider outage, and fails; the retry later completes. */
    private List<Run> errorThenRetry(AgentProfile agent, TaskBrief task, Instant start, Duration pause) {
        RunBuilder first = builder(agent, task, start, pause);
        String callId = first.call(StepKind.TOOL_CALL, "run_tests", Scripts.args("module", "app"));
        first.error("run_tests", callId, "exit_code_1", "run_tests exited with code 1:\n" + Scripts.testOutput(false));
        first.llm("### Tests fail\n\nOne assertion fails; the limiter answers **429**. I will read the limiter next.", 900);
        first.error(null, null, "overloaded_error", "Provider error 529 overloaded_error: the model is overloaded"
                + " (3 retries with back-off exhausted).");
        Run failed = first.build(true, "Provider overloaded (529) after 3 retries; the task is left for a retry.");
        RunBuilder second = builder(agent, task, failed.completedAt().plus(pause.isZero()
                ? Duration.ofMinutes(3) : pause.multipliedBy(3)), pause).feature(Feature.RETRY);
        second.llm(Scripts.retryNote(), 700);
        return List.of(failed, ordinary(second, task, 2));
    }

    /** A bulk re-indexing run of exactly {@code steps} steps: a short thought every ten documents. */
    private Run huge(RunBuilder run, TaskBrief task, int steps) {
        run.feature(Feature.HUGE);
        int doc = 0;
        while (run.stepCount() < steps - 1) {
            if (doc % 10 == 0 || run.stepCount() > steps - 3) {
                run.llm("Batch " + (doc / 10 + 1) + ": documents " + doc + "–" + (doc + 9) + " next; no failures so far.", 120);
            } else {
                String id = String.format("doc-%05d", doc);
                run.tool("index_document", Scripts.args("id", id), "Indexed " + id + ": " + (200 + random.nextInt(900)) + " chunks.");
            }
            doc++;
        }
        run.llm("## Summary\n\nRe-indexed **" + doc + "** documents for _" + task.title() + "_; none failed.", 200);
        return run.build(false, null);
    }
}
