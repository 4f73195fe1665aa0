package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: every plugin page and API, for each kind of user, against each board, with the expected answer
 * per cell. Boards A and B each hold one task with one trace of its own agent. Users: an admin (no
 * membership needed), a reviewer who is a member of A, a viewer who is a member of B, a reviewer who is a
 * member of nothing, and nobody (no token). Cells: S = served with that board's data, H = that board's data
 * hidden (answered as absent), A = the admin UI, R = refused by role (no admin UI), U = 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /** resource (board) → admin, reviewer of A, viewer of B, outsider, nobody. */
    static final String MATRIX = """
            task panel          A | S S H H U
            task panel          B | S H S H U
            step output         A | S S H H U
            step output         B | S H S H U
            agent tab           A | S S H H U
            agent tab           B | S H S H U
            cost widget         A | S S H H U
            cost widget         B | S H S H U
            api trace export    A | S S H H U
            api trace export    B | S H S H U
            api task traces     A | S S H H U
            api task traces     B | S H S H U
            api agent traces    A | S S H H U
            api agent traces    B | S H S H U
            api agent spend     A | S S H H U
            api agent spend     B | S H S H U
            api top tasks       A | S S H H U
            api top tasks       B | S H S H U
            admin tokens        - | A R R R U
            admin prices        - | A R R R U
            """;

    static final String[] USERS = {"admin", "reviewer of A", "viewer of B", "outsider", "nobody"};

    record Board(long task, String title, long agent, UUID trace, String work) {
    }

    String base;
    final Map<String, Board> boards = new java.util.HashMap<>();
    final Map<String, Long> boardIds = new java.util.HashMap<>();
    final Map<String, String[]> users = new java.util.HashMap<>();

    @BeforeAll
    void fixtures() {
        base = TaskboardServer.start();
        for (String name : new String[] {"A", "B"}) {
            long board = Fixtures.board(Fixtures.unique("Matrix " + name));
            long agent = Fixtures.agent(Fixtures.unique("Matrix agent " + name), "claude-sonnet-4-5", "anthropic");
            String title = Fixtures.unique("Matrix task " + name);
            long task = Fixtures.reviewedTask(board, agent, title, "done");
            UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(60));
            String work = Fixtures.unique("matrix work " + name);
            TraceFixtures.steps(trace, Step.toolResult("grep", work), Step.reasoning("think", 10, 10, "900.0000"));
            boards.put(name, new Board(task, title, agent, trace, work));
            boardIds.put(name, board);
        }
        users.put("admin", user("ADMIN"));
        users.put("reviewer of A", user("REVIEWER", boardIds.get("A")));
        users.put("viewer of B", user("VIEWER", boardIds.get("B")));
        users.put("outsider", user("REVIEWER"));
    }

    private static String[] user(String role, long... boardIds) {
        String name = Fixtures.unique("matrix-" + role.toLowerCase()).replace(' ', '-');
        Fixtures.user(name, role, boardIds);
        return new String[] {name, role};
    }

    Iterable<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] sides = line.split("\\|");
            String resource = sides[0].strip();
            String board = resource.substring(resource.length() - 1);
            String what = resource.substring(0, resource.length() - 1).strip();
            String[] expected = sides[1].strip().split(" ");
            for (int u = 0; u < USERS.length; u++) {
                cells.add(Arguments.of(Named.of(what + " " + board + " × " + USERS[u] + " → " + expected[u], what),
                        board, USERS[u], expected[u]));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(String what, String board, String user, String expected) throws Exception {
        Board b = boards.get(board);
        // What only a reader of that board may see: its trace's id in lists, its step's text in the output
        // and the export (a 404 echoes the id asked for, which tells nothing), its task's title elsewhere.
        String marker = b == null ? null : what.startsWith("api task") || what.startsWith("api agent traces")
                ? b.trace().toString() : what.equals("step output") || what.equals("api trace export") ? b.work() : b.title();
        String[] who = users.get(user);
        HttpResponse<String> r = request(what, b, who);
        switch (expected) {
            case "U" -> assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            case "S" -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                if (what.equals("api agent spend")) {
                    assertThat(r.body()).contains("\"traces\":1");
                } else {
                    assertThat(r.body()).contains(marker);
                }
            }
            case "H" -> {
                assertThat(r.statusCode()).as(r.body()).isIn(200, 404);
                if (what.equals("api agent spend")) {
                    assertThat(r.body()).doesNotContain("\"traces\":1");
                } else {
                    assertThat(r.body()).doesNotContain(marker);
                }
            }
            case "A" -> assertThat(r.body()).as("admin UI").containsAnyOf("id=\"tokens\"", "id=\"prices\"");
            case "R" -> {
                assertThat(r.statusCode()).isLessThan(500);
                assertThat(r.body()).doesNotContain("id=\"tokens\"").doesNotContain("id=\"prices\"");
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    private HttpResponse<String> request(String what, Board b, String[] who) throws Exception {
        String day = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        String period = "from=" + Instant.parse(day).minusSeconds(86_400) + "&to=" + Instant.parse(day).plusSeconds(2 * 86_400);
        return switch (what) {
            case "task panel" -> page(who, "/traces/task-panel.xhtml?task=" + b.task());
            case "step output" -> page(who, "/traces/views/step-output?trace=" + b.trace() + "&seq=1");
            case "agent tab" -> page(who, "/traces/agent-tab.xhtml?agent=" + b.agent());
            case "cost widget" -> page(who, "/traces/cost-widget.xhtml");
            case "admin tokens" -> page(who, "/traces/admin/ingest-tokens.xhtml");
            case "admin prices" -> page(who, "/traces/admin/prices.xhtml");
            case "api trace export" -> api(who, "/traces/api/v1/traces/" + b.trace());
            case "api task traces" -> api(who, "/traces/api/v1/tasks/" + b.task() + "/traces");
            case "api agent traces" -> api(who, "/traces/api/v1/agents/" + b.agent() + "/traces");
            case "api agent spend" -> api(who, "/traces/api/v1/agents/" + b.agent() + "/spend?" + period);
            case "api top tasks" -> api(who, "/traces/api/v1/top-tasks?" + period + "&limit=100");
            default -> throw new IllegalArgumentException(what);
        };
    }

    private HttpResponse<String> page(String[] who, String path) throws Exception {
        String url = who == null ? base + path : HostTokens.signedUrl(base, who[0], Set.of(who[1]), path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String[] who, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (who != null) {
            request.header("Authorization", "Bearer " + HostTokens.mint(who[0], Set.of(who[1]), path));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
