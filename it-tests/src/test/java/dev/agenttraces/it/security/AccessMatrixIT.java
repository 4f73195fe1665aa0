package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
 * hidden (answered as absent: 404 where the resource names one trace or task, else 200 without it), A = the
 * admin UI, R = refused by role (200 with the page's "administrators only" message, no admin UI), U = 401.
 * Every resource that shows a board's data has the same row per board ({@link #BOARD_ROWS}).
 * The requests themselves are in {@link MatrixRequests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /**
     * The resources that show one board's data. Each answers as its board's row in {@link #BOARD_ROWS} says: served
     * to the admin and that board's members, hidden from everyone else.
     */
    static final List<String> BOARD_RESOURCES = List.of("task panel", "step output", "agent tab", "cost widget",
            "api trace export", "api task traces", "api agent traces", "api agent spend", "api top tasks", "compare",
            "agent tab csv", "api task annotations", "api trace annotations", "api all agents spend");

    /** board → admin, reviewer of A, viewer of B, outsider, nobody: the answers of every board resource. */
    static final Map<String, String> BOARD_ROWS = Map.of("A", "S S H H U", "B", "S H S H U");

    /** The resources of no board: resource → admin, reviewer of A, viewer of B, outsider, nobody. */
    static final String OTHER_RESOURCES = """
            admin tokens       | A R R R U
            admin prices       | A R R R U
            admin price import | A R R R U
            session renew      | S S S S U
            """;

    /** Resources that answer a hidden board's data as absent with a 404 (the others with a 200 that lacks it). */
    static final Set<String> HIDDEN_AS_404 = Set.of("step output", "api trace export", "api trace annotations",
            "api task traces", "api task annotations");

    /** Per admin page: what only the admin UI renders, and the message everyone else gets instead. */
    static final Map<String, String[]> ADMIN_PAGES = Map.of(
            "admin tokens", new String[] {"id=\"tokens\"", "Only administrators can manage ingest tokens"},
            "admin prices", new String[] {"id=\"prices\"", "at-prices-denied"},
            "admin price import", new String[] {"id=\"upload\"", "at-import-denied"});

    static final String[] USERS = {"admin", "reviewer of A", "viewer of B", "outsider", "nobody"};

    record Board(long task, String title, long agent, UUID trace, String work, String note) {
    }

    MatrixRequests requests;
    final Map<String, Board> boards = new java.util.HashMap<>();
    final Map<String, Long> boardIds = new java.util.HashMap<>();
    final Map<String, String[]> users = new java.util.HashMap<>();

    @BeforeAll
    void fixtures() {
        requests = new MatrixRequests(TaskboardServer.start());
        for (String name : new String[] {"A", "B"}) {
            long board = Fixtures.board(Fixtures.unique("Matrix " + name));
            long agent = Fixtures.agent(Fixtures.unique("Matrix agent " + name), "claude-sonnet-4-5", "anthropic");
            String title = Fixtures.unique("Matrix task " + name);
            long task = Fixtures.reviewedTask(board, agent, title, "done");
            UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(60));
            String work = Fixtures.unique("matrix work " + name);
            TraceFixtures.steps(trace, Step.toolResult("grep", work), Step.reasoning("think", 10, 10, "900.0000"));
            String note = Fixtures.unique("matrix note " + name);
            TraceFixtures.annotation(trace, 1, "GOOD", note);
            boards.put(name, new Board(task, title, agent, trace, work, note));
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
        List<String[]> rows = new ArrayList<>();
        for (String what : BOARD_RESOURCES) {
            for (String board : new String[] {"A", "B"}) {
                rows.add(new String[] {what, board, BOARD_ROWS.get(board)});
            }
        }
        for (String line : OTHER_RESOURCES.strip().split("\n")) {
            String[] sides = line.split("\\|");
            rows.add(new String[] {sides[0].strip(), "-", sides[1].strip()});
        }
        List<Arguments> cells = new ArrayList<>();
        for (String[] row : rows) {
            String what = row[0];
            String board = row[1];
            String[] expected = row[2].split(" ");
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
        String marker = marker(what, b);
        HttpResponse<String> r = requests.send(what, b, users.get(user));
        switch (expected) {
            case "U" -> assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            case "S" -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                if (what.equals("api agent spend")) {
                    assertThat(r.body()).contains("\"traces\":1");
                } else if (what.equals("api all agents spend")) {
                    assertThat(r.body()).containsPattern(spendOf(b, 1));
                } else {
                    assertThat(r.body()).contains(marker);
                }
                assertCsv(what, r);
            }
            case "H" -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(HIDDEN_AS_404.contains(what) ? 404 : 200);
                if (what.equals("api agent spend")) {
                    assertThat(r.body()).doesNotContain("\"traces\":1");
                } else if (what.equals("api all agents spend")) {
                    assertThat(r.body()).as("listed, counting nothing").containsPattern(spendOf(b, 0));
                } else {
                    assertThat(r.body()).doesNotContain(marker);
                }
                assertCsv(what, r);
            }
            case "A" -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).as("admin UI").containsAnyOf("id=\"tokens\"", "id=\"prices\"", "id=\"upload\"")
                        .contains(ADMIN_PAGES.get(what)[0]);
            }
            case "R" -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).doesNotContain("id=\"tokens\"").doesNotContain("id=\"prices\"")
                        .doesNotContain("id=\"upload\"").contains(ADMIN_PAGES.get(what)[1]);
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    /**
     * What only a reader of that board may see: its trace's id in lists, its step's text in the output, the
     * export and the compare page (a 404 echoes the id asked for, which tells nothing), its annotation's note
     * in annotation reads, its task's title elsewhere (the CSV too); a renewal answers its new expiry.
     */
    private static String marker(String what, Board b) {
        if (what.equals("session renew")) {
            return "expiresAt";
        }
        if (b == null) {
            return null;
        }
        return switch (what) {
            case "api task traces", "api agent traces" -> b.trace().toString();
            case "step output", "api trace export", "compare" -> b.work();
            case "api task annotations", "api trace annotations" -> b.note();
            default -> b.title();
        };
    }

    /** The board's agent in the all-agents spend list, with this many traces in its budget period. */
    private static String spendOf(Board b, int traces) {
        return "\\{\"agentId\":" + b.agent() + ",[^}]*\"traces\":" + traces + "}";
    }

    /** The CSV button answers a CSV file, never the page again. */
    private static void assertCsv(String what, HttpResponse<String> r) {
        if (what.equals("agent tab csv")) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as("the export's type").contains("csv");
        }
    }
}
