package dev.agenttraces.demo.agents.scenario;

import jakarta.json.Json;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The words of the simulated agents: markdown reasoning, tool arguments (JSON) and tool output, varied
 * by the task's title so that traces read like work on that task. Plain templates, not an LLM.
 */
final class Scripts {

    static final String SYSTEM_PROMPT = "You are a careful software agent working on a team's task board. Think step by"
            + " step, use the tools to read before you change anything, run the checks after every change, and end with"
            + " a short summary for the reviewer.";

    private static final List<String> FILES = List.of("src/main/java/app/SessionStore.java",
            "src/main/java/app/api/RateLimiter.java", "src/test/java/app/LoginTest.java", "ci/pipeline.yml",
            "docs/runbook.md", "src/main/java/app/payments/PaymentClient.java");

    private Scripts() {
    }

    static String userMessage(TaskBrief task) {
        String ask = "Task #" + task.id() + ": " + task.title() + (task.description() == null ? "" : "\n\n" + task.description());
        return task.feedback() == null ? ask : ask + "\n\nThe reviewer rejected the last attempt: " + task.feedback();
    }

    static String plan(TaskBrief task, RandomGenerator random) {
        return "## Plan\n\nThe task is **" + task.title() + "**. Before changing anything I want to know:\n\n"
                + "1. where the relevant code lives (`search_code`),\n"
                + "2. what the current behaviour is (`read_file`, `run_tests`),\n"
                + "3. what a minimal change looks like.\n\n"
                + "I will start with `" + file(random) + "`, which the issue mentions.";
    }

    static String afterRead(String file, RandomGenerator random) {
        String[] notes = {
                "The class keeps its state in a `HashMap` without synchronisation; two requests can race here.",
                "There is no test for the failure path: an exception from the client is swallowed and logged.",
                "The configuration is read once at start-up, so a change needs a restart. That is acceptable.",
                "The retry loop has no back-off: three attempts within a millisecond will not help a busy service."};
        return "### Reading `" + file + "`\n\n" + notes[random.nextInt(notes.length)]
                + "\n\n- [x] located the code\n- [ ] reproduce with a test\n- [ ] fix and verify";
    }

    static String change(String file) {
        return "### Change\n\nI will make the smallest change that fixes it in `" + file + "`:\n\n"
                + "```java\n" + "if (attempt < MAX_ATTEMPTS) {\n    Thread.sleep(backoff.next());\n    continue;\n}\n```\n\n"
                + "Then run the tests of that module only, to keep the loop short.";
    }

    static String summary(TaskBrief task, int steps) {
        return "## Summary\n\n**" + task.title() + "** is done.\n\n| check | result |\n|---|---|\n"
                + "| unit tests | all passed |\n| lint | clean |\n\nI took " + steps + " steps; the diff touches two files."
                + " Ready for the reviewer.";
    }

    static String loop(int attempt) {
        return "### Still failing\n\nThe test still fails with `expected:<200> but was:<429>`. The rate limiter should"
                + " allow this request. Let me run the test again to see whether it is flaky."
                + (attempt > 1 ? "\n\n_(attempt " + attempt + ")_" : "");
    }

    static String breakLoop() {
        return "### Changing approach\n\nI have run the same test four times with the same result: it is not flaky. The"
                + " limiter's bucket is shared between tests. I will give each test its own clock instead of re-running it.";
    }

    static String delegate(TaskBrief task) {
        return "### Delegating\n\nComparing the options needs a literature pass that does not need my context. I hand it"
                + " to the **researcher** sub-agent with a narrow brief and wait for its summary.";
    }

    static String subAgentThought(int n) {
        return n == 0 ? "#### Researcher\n\nSearching for recent comparisons; I will keep to sources from the last two years."
                : "#### Researcher\n\nTwo sources agree. Writing a five-line summary with links for the parent agent.";
    }

    static String retryNote() {
        return "### Retrying\n\nThe previous run on this task failed when the provider was overloaded. The tests it"
                + " left failing are the starting point; nothing else changed since.";
    }

    static String args(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    static String args(String key, String value, String key2, int value2) {
        return Json.createObjectBuilder().add(key, value).add(key2, value2).build().toString();
    }

    static String fileContent(String file) {
        String cls = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        return "package app;\n\npublic final class " + cls + " {\n    private final Map<String, Entry> entries = new HashMap<>();\n"
                + "    // … 212 more lines\n}\n";
    }

    static String searchResult(String query) {
        return Json.createObjectBuilder().add("query", query).add("matches", Json.createArrayBuilder()
                .add("src/main/java/app/api/RateLimiter.java:41").add("src/main/java/app/SessionStore.java:88")
                .add("src/test/java/app/LoginTest.java:17")).build().toString();
    }

    static String testOutput(boolean passed) {
        return passed ? "[INFO] Tests run: 48, Failures: 0, Errors: 0, Skipped: 0\n[INFO] BUILD SUCCESS"
                : "[ERROR] LoginTest.rateLimitAllowsBurst:42 expected:<200> but was:<429>\n"
                + "[ERROR] Tests run: 48, Failures: 1, Errors: 0, Skipped: 0\n[INFO] BUILD FAILURE";
    }

    static String keyword(TaskBrief task) {
        String[] words = task.title().toLowerCase(Locale.ROOT).split("\\W+");
        return words.length > 1 ? words[words.length - 1] : task.title();
    }

    static String file(RandomGenerator random) {
        return FILES.get(random.nextInt(FILES.size()));
    }
}
