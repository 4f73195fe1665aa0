package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.security.HostileInputIT.Case;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hostile requests of {@link HostileInputIT}, by endpoint, and the fixtures they run against: one
 * priced agent, a token bound to it and to board A only, running traces for step and finish cases, a
 * finished trace, a trace on board B (written by an all-boards token), and a back-dated trace with one huge step.
 */
final class HostileCases {

    static final String MARKER = "hostile-";
    private static final String AT = "\"startedAt\":\"2026-01-01T00:00:00Z\"";
    private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);

    String base;
    long boardA;
    long boardB;
    long agent;
    long otherAgent;
    long taskA;
    long taskB;
    String token;
    String allBoards;
    /** A token of the other agent only. */
    String otherToken;
    UUID steps;
    UUID overflow;
    UUID finishing;
    UUID finished;
    UUID foreign;
    UUID bigTrace;
    String admin;
    String member;
    int startsInSetUp;
    final Map<UUID, Integer> stepsInSetUp = new HashMap<>();
    private final AtomicInteger seq = new AtomicInteger(1);

    void setUp() {
        base = TaskboardServer.start();
        boardA = Fixtures.board(Fixtures.unique("Hostile A"));
        boardB = Fixtures.board(Fixtures.unique("Hostile B"));
        agent = Fixtures.agent(Fixtures.unique("Hostile agent"), "gpt-4o", "openai");
        otherAgent = Fixtures.agent(Fixtures.unique("Hostile other agent"), "gpt-4o", "openai");
        taskA = Fixtures.reviewedTask(boardA, agent, "Hostile task A", "done");
        taskB = Fixtures.reviewedTask(boardB, agent, "Hostile task B", "done");
        token = IngestClient.token(false, agent);
        bindToBoard(token, boardA);
        allBoards = IngestClient.token(true);
        otherToken = IngestClient.token(false, otherAgent);
        steps = IngestClient.start(token, taskA, agent);
        overflow = IngestClient.start(token, taskA, agent);
        finishing = IngestClient.start(token, taskA, agent);
        finished = IngestClient.start(token, taskA, agent);
        IngestClient.post("/traces/" + finished + "/finish", token, "{\"status\":\"completed\"}");
        foreign = IngestClient.start(allBoards, taskB, agent);
        bigTrace = UUID.randomUUID();
        IngestClient.post("/traces", token, "{\"id\":\"" + bigTrace + "\",\"taskId\":" + taskA + ",\"agentId\":" + agent
                + ",\"startedAt\":\"2020-01-01T00:00:00Z\"}");
        IngestClient.append(token, bigTrace, "{\"steps\":[{\"seq\":1,\"type\":\"reasoning\",\"content\":\""
                + "x".repeat(1 << 20) + "\"," + AT + "}]}");
        startsInSetUp = 6;
        stepsInSetUp.put(bigTrace, 1);
        for (UUID none : new UUID[] {steps, overflow, finishing, finished, foreign}) {
            stepsInSetUp.put(none, 0);
        }
        admin = MARKER + "admin";
        Users.ensure(admin, "ADMIN");
        member = Fixtures.unique(MARKER + "member").replace(' ', '-');
        Users.addToBoard(Users.create(member, "member-pass", "REVIEWER"), boardA);
    }

    private static void bindToBoard(String token, long board) {
        try (Connection c = TestDatabase.connect()) {
            try (PreparedStatement ps = c.prepareStatement("update ingest_token set all_boards = false where token_hash = ?")) {
                ps.setString(1, IngestClient.sha256(token));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into ingest_token_board (token_id, board_id) select id, ? from ingest_token where token_hash = ?")) {
                ps.setLong(1, board);
                ps.setString(2, IngestClient.sha256(token));
                ps.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A host token for the suite's admin, bound to this API path (relative to /traces/api/v1, or from /traces/api/). */
    String readToken(String path) {
        return HostTokens.mint(admin, Set.of("ADMIN"), path.startsWith("/traces/api/") ? path : "/traces/api/v1" + path);
    }

    Map<String, Case> all() {
        Map<String, Case> all = new LinkedHashMap<>();
        starts(all);
        stepItems(all);
        stepRequests(all);
        finishes(all);
        new HostileReads(this).all(all);
        new HostileOtlp(this).all(all);
        new HostileServlets(this).all(all);
        return all;
    }

    // --- start: 400 naming the field, 401/403 without the right token

    private void starts(Map<String, Case> c) {
        String ids = "\"taskId\":" + taskA + ",\"agentId\":" + agent;
        start(c, "model with NUL", "{" + ids + ",\"model\":\"gpt\\u0000\"}", 400, "model");
        start(c, "model with a lone high surrogate", "{" + ids + ",\"model\":\"\\ud800\"}", 400, "model");
        start(c, "model with a lone low surrogate", "{" + ids + ",\"model\":\"x\\udfff\"}", 400, "model");
        start(c, "provider with NUL", "{" + ids + ",\"provider\":\"\\u0000\"}", 400, "provider");
        start(c, "model longer than 200", "{" + ids + ",\"model\":\"" + "m".repeat(201) + "\"}", 400, "model");
        start(c, "startedAt in year 1e9", "{" + ids + ",\"startedAt\":\"+1000000000-01-01T00:00:00Z\"}", 400, "startedAt");
        start(c, "startedAt before 1970", "{" + ids + ",\"startedAt\":\"1900-01-01T00:00:00Z\"}", 400, "startedAt");
        start(c, "startedAt not an instant", "{" + ids + ",\"startedAt\":\"yesterday\"}", 400, "startedAt");
        start(c, "taskId a string", "{\"taskId\":\"1\",\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "taskId missing", "{\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "agentId missing", "{\"taskId\":" + taskA + "}", 400, "agentId");
        start(c, "taskId beyond long", "{\"taskId\":1e30,\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "taskId fractional", "{\"taskId\":1.5,\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "task on a board the token is not bound to", "{\"taskId\":" + taskB + ",\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "task that does not exist", "{\"taskId\":999999999,\"agentId\":" + agent + "}", 400, "taskId");
        start(c, "id not a UUID", "{\"id\":\"nope\"," + ids + "}", 400, "id");
        start(c, "id of another board's trace", "{\"id\":\"" + foreign + "\"," + ids + "}", 409, "id");
        start(c, "body an array", "[" + ids.replace(':', ',') + "]", 400, "$");
        start(c, "body malformed", "{" + ids, 400, "$");
        start(c, "body null", "null", 400, "$");
        start(c, "body nested 100,000 deep", "{" + ids + ",\"x\":" + DEEP + "}", 400, "$");
        start(c, "trailing garbage", "{" + ids + "} {", 400, "$");
        c.put("start: agent the token is not bound to", new Case(() -> IngestClient.post("/traces", token,
                "{\"taskId\":" + taskA + ",\"agentId\":" + otherAgent + "}"), 403, null));
        c.put("start: no token", new Case(() -> IngestClient.post("/traces", null, "{" + ids + "}"), 401, null));
        c.put("start: unknown token", new Case(() -> IngestClient.post("/traces", "at_nope", "{" + ids + "}"), 401, null));
    }

    private void start(Map<String, Case> c, String name, String body, int status, String field) {
        c.put("start: " + name, new Case(() -> IngestClient.post("/traces", token, body), status, field));
    }

    // --- steps: one good item beside one bad one, 207 naming the bad item's field

    private void stepItems(Map<String, Case> c) {
        item(c, steps, "content with NUL", ",\"content\":\"a\\u0000b\"", "content");
        item(c, steps, "content with a lone high surrogate", ",\"content\":\"\\ud83d\"", "content");
        item(c, steps, "content with a lone low surrogate", ",\"content\":\"\\ude00 x\"", "content");
        item(c, steps, "toolName with NUL", ",\"toolName\":\"\\u0000\"", "toolName");
        item(c, steps, "toolName longer than 200", ",\"toolName\":\"" + "t".repeat(201) + "\"", "toolName");
        item(c, steps, "model with NUL", ",\"model\":\"\\u0000\"", "model");
        item(c, steps, "toolInput string with NUL", ",\"toolInput\":\"\\u0000\"", "toolInput");
        item(c, steps, "toolInput object with a lone surrogate", ",\"toolInput\":{\"k\":\"\\ud800\"}", "toolInput");
        item(c, steps, "toolInput key with a lone surrogate", ",\"toolInput\":{\"\\udbff\":1}", "toolInput");
        item(c, steps, "toolOutput with NUL", ",\"toolOutput\":\"\\u0000\"", "toolOutput");
        item(c, steps, "toolOutput array with a lone surrogate", ",\"toolOutput\":[\"\\udfff\"]", "toolOutput");
        item(c, steps, "startedAt in year 1e9", "", "startedAt", "\"startedAt\":\"+1000000000-01-01T00:00:00Z\"");
        item(c, steps, "startedAt in year 0", "", "startedAt", "\"startedAt\":\"0000-01-01T00:00:00Z\"");
        item(c, steps, "startedAt missing", "", "startedAt", "\"content\":\"no time\"");
        item(c, steps, "startedAt a number", "", "startedAt", "\"startedAt\":1700000000");
        item(c, steps, "inputTokens negative", ",\"inputTokens\":-1", "inputTokens");
        item(c, steps, "inputTokens beyond long", ",\"inputTokens\":1e30", "inputTokens");
        item(c, steps, "inputTokens fractional", ",\"inputTokens\":1.5", "inputTokens");
        item(c, steps, "outputTokens a string", ",\"outputTokens\":\"10\"", "outputTokens");
        item(c, steps, "reasoningTokens negative", ",\"reasoningTokens\":-5", "reasoningTokens");
        item(c, steps, "cachedInputTokens beyond long", ",\"cachedInputTokens\":99999999999999999999", "cachedInputTokens");
        item(c, steps, "cached above an including input", ",\"inputIncludesCached\":true,\"inputTokens\":1,\"cachedInputTokens\":2", "cachedInputTokens");
        item(c, steps, "durationMs negative", ",\"durationMs\":-1", "durationMs");
        item(c, steps, "inputIncludesCached a string", ",\"inputIncludesCached\":\"yes\"", "inputIncludesCached");
        item(c, steps, "type unknown", ",\"type\":\"nap\"", "type");
        item(c, steps, "own counts overflow a long", ",\"model\":\"unpriced-x\",\"inputTokens\":9223372036854775807,\"outputTokens\":1", "inputTokens");
        item(c, steps, "cost beyond numeric(24,12)", ",\"model\":\"gpt-4o\",\"inputTokens\":1000000000000000000", "inputTokens");
        raw(c, steps, "item a number", "7", "steps[1]");
        raw(c, steps, "item null", "null", "steps[1]");
        raw(c, steps, "item an array", "[1,2]", "steps[1]");
        raw(c, steps, "item a string", "\"step\"", "steps[1]");
        raw(c, steps, "seq negative", "{\"seq\":-1,\"type\":\"reasoning\"," + AT + "}", "steps[1].seq");
        raw(c, steps, "seq beyond int", "{\"seq\":4294967296,\"type\":\"reasoning\"," + AT + "}", "steps[1].seq");
        raw(c, steps, "seq a string", "{\"seq\":\"1\",\"type\":\"reasoning\"," + AT + "}", "steps[1].seq");
        raw(c, steps, "type missing", "{\"seq\":" + 900_000 + "," + AT + "}", "steps[1].type");
        raw(c, overflow, "tokens that overflow the trace's total", "{\"seq\":2,\"type\":\"reasoning\",\"model\":\"unpriced-x\","
                + "\"inputTokens\":5000000000000000000," + AT + "}", "steps[1].inputTokens",
                "{\"seq\":1,\"type\":\"reasoning\",\"model\":\"unpriced-x\",\"inputTokens\":5000000000000000000," + AT + "}");
    }

    private String good() {
        return "{\"seq\":" + seq.getAndIncrement() + ",\"type\":\"reasoning\",\"content\":\"fine\"," + AT + "}";
    }

    private void item(Map<String, Case> c, UUID trace, String name, String extra, String field) {
        item(c, trace, name, extra, field, AT);
    }

    private void item(Map<String, Case> c, UUID trace, String name, String extra, String field, String time) {
        c.put("steps item: " + name, new Case(() -> IngestClient.append(token, trace, "{\"steps\":[" + good() + ",{\"seq\":"
                + seq.getAndIncrement() + ",\"type\":\"reasoning\"," + time + extra + "}]}"), 207, "steps[1]." + field));
    }

    private void raw(Map<String, Case> c, UUID trace, String name, String item, String field) {
        raw(c, trace, name, item, field, null);
    }

    private void raw(Map<String, Case> c, UUID trace, String name, String item, String field, String first) {
        c.put("steps item: " + name, new Case(() -> IngestClient.append(token, trace, "{\"steps\":["
                + (first != null ? first : good()) + "," + item + "]}"), 207, field));
    }

    // --- steps: whole requests refused before anything is written

    private void stepRequests(Map<String, Case> c) {
        steps(c, "nested 100,000 deep", steps, "{\"steps\":[{\"seq\":1,\"toolInput\":" + DEEP + "}]}", 400, "steps[0]");
        steps(c, "deep unknown field", steps, "{\"x\":" + DEEP + ",\"steps\":[]}", 400, "x");
        steps(c, "5,001 steps", steps, "{\"steps\":[" + "0,".repeat(5000) + "0]}", 413, "steps");
        // 8 MiB of zeros and oversize bodies: refused while reading, proven in PoisonInputTest and
        // IngestRejectionsIT (an early 413 closes the connection under a client still sending).
        steps(c, "steps an object", steps, "{\"steps\":{}}", 400, "steps");
        steps(c, "steps missing", steps, "{}", 400, "steps");
        steps(c, "inputIncludesCached a string", steps, "{\"inputIncludesCached\":\"x\",\"steps\":[]}", 400, "inputIncludesCached");
        steps(c, "malformed", steps, "{\"steps\":[{\"seq\":", 400, "$");
        steps(c, "trailing garbage", steps, "{\"steps\":[]} x", 400, "$");
        steps(c, "unknown trace", UUID.randomUUID(), "{\"steps\":[]}", 404, null);
        steps(c, "finished trace", finished, "{\"steps\":[" + good() + "]}", 409, null);
        steps(c, "another board's trace", foreign, "{\"steps\":[" + good() + "]}", 404, null);
        c.put("steps: trace id not a UUID", new Case(() -> IngestClient.post("/traces/nope/steps", token, "{\"steps\":[]}"), 404, "id"));
        c.put("steps: no token", new Case(() -> IngestClient.append(null, steps, "{\"steps\":[]}"), 401, null));
    }

    private void steps(Map<String, Case> c, String name, UUID trace, String body, int status, String field) {
        c.put("steps: " + name, new Case(() -> IngestClient.append(token, trace, body), status, field));
    }

    // --- finish

    private void finishes(Map<String, Case> c) {
        finish(c, "status missing", "{}", 400, "status");
        finish(c, "status running", "{\"status\":\"running\"}", 400, "status");
        finish(c, "status unknown", "{\"status\":\"paused\"}", 400, "status");
        finish(c, "status a number", "{\"status\":1}", 400, "status");
        finish(c, "errorMessage with NUL", "{\"status\":\"failed\",\"errorMessage\":\"\\u0000\"}", 400, "errorMessage");
        finish(c, "errorMessage with a lone surrogate", "{\"status\":\"failed\",\"errorMessage\":\"\\ud800\"}", 400, "errorMessage");
        finish(c, "errorMessage too long", "{\"status\":\"failed\",\"errorMessage\":\"" + "e".repeat(10_001) + "\"}", 400, "errorMessage");
        finish(c, "completedAt in year 1e9", "{\"status\":\"completed\",\"completedAt\":\"+1000000000-01-01T00:00:00Z\"}", 400, "completedAt");
        finish(c, "completedAt before the start", "{\"status\":\"completed\",\"completedAt\":\"2000-01-01T00:00:00Z\"}", 400, "completedAt");
        finish(c, "malformed", "{\"status\":", 400, "$");
        finish(c, "nested 100,000 deep", "{\"status\":\"completed\",\"x\":" + DEEP + "}", 400, "$");
        c.put("finish: finished trace, other status", new Case(() -> IngestClient.post("/traces/" + finished + "/finish", token,
                "{\"status\":\"failed\"}"), 409, "status"));
        c.put("finish: another board's trace", new Case(() -> IngestClient.post("/traces/" + foreign + "/finish", token,
                "{\"status\":\"completed\"}"), 404, null));
    }

    private void finish(Map<String, Case> c, String name, String body, int status, String field) {
        c.put("finish: " + name, new Case(() -> IngestClient.post("/traces/" + finishing + "/finish", token, body), status, field));
    }
}
