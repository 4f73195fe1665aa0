package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's session promises over real HTTP: sign-out needs a POST with the session's CSRF token,
 * frame URLs are only signed for context the user may see, stored hashes are upgraded on login, password
 * guessing is throttled, and demo accounts cannot sign in while demo mode is off.
 */
class HostSessionSecurityIT {

    static String base;
    static long board;
    static long otherBoard;
    static long task;
    static long otherTask;
    static long agent;

    @BeforeAll
    static void data() {
        base = TaskboardServer.start();
        board = Fixtures.board(Fixtures.unique("Session board"));
        otherBoard = Fixtures.board(Fixtures.unique("Other session board"));
        agent = Fixtures.agent(Fixtures.unique("Session agent"), "gpt-4o", "openai");
        task = Fixtures.reviewedTask(board, agent, "Session task", "done");
        otherTask = Fixtures.reviewedTask(otherBoard, agent, "Hidden session task", "done");
    }

    /** A viewer on {@link #board} only, signed in over HTTP. */
    private static HostHttpSession viewer() {
        String name = Fixtures.unique("session-viewer").replace(' ', '-');
        long id = Users.create(name, "viewer-secret", "VIEWER");
        Users.addToBoard(id, board);
        HostHttpSession session = new HostHttpSession(base);
        assertThat(session.login(name, "viewer-secret").statusCode()).isEqualTo(302);
        return session;
    }

    private static boolean signedIn(HostHttpSession session) {
        return session.get("/").statusCode() == 200;
    }

    @Test
    void aLoginIssuesANewSessionId() {
        String name = Fixtures.unique("rotation").replace(' ', '-');
        Users.create(name, "rotation-pass", "VIEWER");
        HostHttpSession session = new HostHttpSession(base);
        String before = SecurityHeadersIT.sessionCookie(session.get("/login.xhtml").headers().allValues("Set-Cookie"));
        HttpResponse<String> login = session.login(name, "rotation-pass");
        String after = SecurityHeadersIT.sessionCookie(login.headers().allValues("Set-Cookie"));
        assertThat(after.split(";")[0]).isNotEqualTo(before.split(";")[0]);
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        HostHttpSession session = viewer();
        assertThat(session.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.post("/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(signedIn(session)).isTrue();
    }

    @Test
    void logoutByGetOnlyShowsAConfirmationForm() {
        HostHttpSession session = viewer();
        HttpResponse<String> get = session.get("/logout");
        assertThat(get.statusCode()).isEqualTo(302);
        assertThat(get.headers().firstValue("Location").orElseThrow()).endsWith("/logout.xhtml");
        HttpResponse<String> confirm = session.get("/logout.xhtml");
        assertThat(confirm.body()).contains("logout-confirm").contains("name=\"csrf\"");
        assertThat(signedIn(session)).isTrue();
    }

    @Test
    void logoutWithTheTokenSignsOut() {
        HostHttpSession session = viewer();
        HttpResponse<String> out = session.post("/logout", Map.of("csrf", session.csrfToken()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login.xhtml");
        assertThat(signedIn(session)).isFalse();
    }

    @Test
    void frameUrlChecksEveryContextParameter() {
        HostHttpSession session = viewer();
        String url = "/plugins/frame-url?point=task-detail/panel/v1&key=task-trace-panel";
        assertThat(session.get(url + "&task=" + task).statusCode()).isEqualTo(200);
        assertThat(session.get(url + "&task=" + task).body()).contains("\"url\":\"/traces/task-panel.xhtml?task=" + task);
        assertThat(session.get(url + "&task=" + otherTask).statusCode()).isEqualTo(404);
        assertThat(session.get(url + "&task=abc").statusCode()).isEqualTo(400);
        assertThat(session.get(url + "&task=" + task + "&board=abc").statusCode()).isEqualTo(400);
        assertThat(session.get(url + "&task=" + task + "&board=" + otherBoard).statusCode()).isEqualTo(400);
        assertThat(session.get(url + "&board=" + otherBoard).statusCode()).isEqualTo(403);
        assertThat(session.get(url + "&board=" + (otherBoard + 1_000_000)).statusCode()).isEqualTo(404);
        assertThat(session.get(url + "&agent=-1").statusCode()).isEqualTo(400);
        assertThat(session.get(url + "&agent=" + (agent + 1_000_000)).statusCode()).isEqualTo(404);
        assertThat(session.get(url + "&board=" + board + "&agent=" + agent).statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginUpgradesAnOldHashToOwaspStrength() throws Exception {
        String name = Fixtures.unique("rehash").replace(' ', '-');
        Users.create(name, "old-hash-pass", "VIEWER");
        assertThat(storedHash(name)).startsWith("PBKDF2WithHmacSHA256:2048:");
        assertThat(new HostHttpSession(base).login(name, "old-hash-pass").statusCode()).isEqualTo(302);
        assertThat(storedHash(name)).startsWith("PBKDF2WithHmacSHA256:600000:");
        assertThat(new HostHttpSession(base).login(name, "old-hash-pass").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedWrongPasswordsBlockTheAccountWithAClearMessage() {
        String name = Fixtures.unique("throttled").replace(' ', '-');
        Users.create(name, "right-pass", "VIEWER");
        HostHttpSession session = new HostHttpSession(base);
        for (int i = 0; i < 5; i++) {
            assertThat(session.login(name, "wrong-" + i).body()).contains("Wrong username or password.");
        }
        assertThat(session.login(name, "wrong-5").body()).contains("Too many failed sign-ins");
        HttpResponse<String> right = session.login(name, "right-pass");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("Too many failed sign-ins").contains("Try again in");
    }

    @Test
    void aDemoAccountCannotSignInWhileDemoModeIsOff() throws Exception {
        String name = Fixtures.unique("demo").replace(' ', '-');
        Users.create(name, "published-pass", "ADMIN");
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("update app_user set demo = true where username = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        HttpResponse<String> login = new HostHttpSession(base).login(name, "published-pass");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Wrong username or password.");
    }

    @Test
    void metricsAndOpenApiAreForAdminsOnly() {
        HostHttpSession anonymous = new HostHttpSession(base);
        HostHttpSession viewer = viewer();
        String name = Fixtures.unique("metrics-admin").replace(' ', '-');
        Users.create(name, "admin-secret", "ADMIN");
        HostHttpSession admin = new HostHttpSession(base);
        assertThat(admin.login(name, "admin-secret").statusCode()).isEqualTo(302);
        for (String path : new String[]{"/metrics", "/openapi"}) {
            HttpResponse<String> anon = anonymous.get(path);
            assertThat(anon.statusCode()).as(path).isEqualTo(302);
            assertThat(anon.headers().firstValue("Location").orElseThrow()).endsWith("/login.xhtml");
            assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
    }

    private static String storedHash(String username) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select password_hash from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
