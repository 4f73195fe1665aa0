package dev.agenttraces.it.support;

import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The shared set-up of the suites that reach the plugin's task panel with host tokens over plain HTTP, as a
 * frame does: the server ({@link #base}), a board with an agent, and a reviewer who is a member of it
 * ({@link #user}). A subclass's own {@code @BeforeAll} runs after this one and adds its tasks.
 */
public abstract class TaskPanelSuite {

    protected static String base;
    protected static long board;
    protected static long agent;
    protected static String user;

    @BeforeAll
    protected static void serverBoardAndReviewer() {
        base = TaskboardServer.start();
        board = Fixtures.board(Fixtures.unique("Panel board"));
        agent = Fixtures.agent(Fixtures.unique("Panel agent"), "gpt-4o", "openai");
        user = Fixtures.member("reviewer", "REVIEWER", board);
    }

    /** The plugin path of a task's panel, as the host's frame asks for it. */
    protected static String panelOf(long task) {
        return "/traces/task-panel.xhtml?task=" + task;
    }

    protected static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
