package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;
import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.http.LocalServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** New To Do tasks keep arriving on both boards: which task comes next, and when none is filed. */
class TaskArrivalsTest {

    static final List<Long> BOARDS = List.of(10L, 20L);

    @Test
    void the_boards_take_turns_and_each_boards_tasks_alternate_between_review_and_straight_to_done() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(n -> TaskArrivals.nth(n, BOARDS)).toList()).containsExactly(
                new TaskArrivals.NewTask(10, "Fix the timezone bug in invoices",
                        "Filed by the demo: fix the timezone bug in invoices.", true),
                new TaskArrivals.NewTask(20, "Add pagination to the audit log",
                        "Filed by the demo: add pagination to the audit log.", true),
                new TaskArrivals.NewTask(10, "Investigate slow search queries",
                        "Filed by the demo: investigate slow search queries.", false),
                new TaskArrivals.NewTask(20, "Write the release notes", "Filed by the demo: write the release notes.", false),
                new TaskArrivals.NewTask(10, "Upgrade the logging library", "Filed by the demo: upgrade the logging library.", true));
    }

    @Test
    void once_the_twelve_titles_are_used_they_come_round_again_numbered() {
        assertThat(TaskArrivals.nth(11, BOARDS).title()).isEqualTo("Prototype semantic search over the docs");
        assertThat(TaskArrivals.nth(12, BOARDS)).isEqualTo(new TaskArrivals.NewTask(10, "Fix the timezone bug in invoices (2)",
                "Filed by the demo: fix the timezone bug in invoices (2).", true));
        assertThat(TaskArrivals.nth(25, BOARDS).title()).isEqualTo("Add pagination to the audit log (3)");
    }

    @Test
    void with_three_boards_each_gets_every_third_task() {
        List<Long> three = List.of(1L, 2L, 3L);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(n -> TaskArrivals.nth(n, three).boardId()).toList())
                .containsExactly(1L, 2L, 3L, 1L, 2L, 3L, 1L);
        assertThat(List.of(0, 3, 6).stream().map(n -> TaskArrivals.nth(n, three).requiresApproval()).toList())
                .containsExactly(true, false, true);
    }

    @Test
    void no_board_no_task() {
        assertThatThrownBy(() -> TaskArrivals.nth(0, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessage("The host lists no boards to file a task on");
    }

    @Test
    void three_tasks_waiting_in_to_do_are_enough_and_only_to_do_counts() {
        assertThat(TaskArrivals.backlogFull(List.of(task(1, "TODO"), task(2, "TODO"), task(3, "TODO")))).isTrue();
        assertThat(TaskArrivals.backlogFull(List.of(task(1, "TODO"), task(2, "TODO"), task(3, "IN_PROGRESS"),
                task(4, "REVIEW"), task(5, "DONE")))).isFalse();
        assertThat(TaskArrivals.backlogFull(List.of())).isFalse();
    }

    @Test
    void against_the_hosts_api_it_files_the_next_task_while_the_backlog_is_short_and_nothing_once_it_is_full() {
        AtomicReference<String> tasks = new AtomicReference<>("[" + todo(1) + "," + todo(2) + "]");
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicInteger nextId = new AtomicInteger(100);
        try (LocalServer host = new LocalServer()) {
            host.on("/api/demo/boards", x -> LocalServer.answer(x, 200, "[{\"id\":10},{\"id\":20}]"));
            host.on("/api/demo/tasks", x -> {
                if (x.getRequestMethod().equals("GET")) {
                    LocalServer.answer(x, 200, tasks.get());
                    return;
                }
                created.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                LocalServer.answer(x, 201, "{\"id\":" + nextId.getAndIncrement() + ",\"boardId\":10,\"title\":\"t\",\"status\":\"TODO\"}");
            });
            TaskArrivals arrivals = new TaskArrivals(new HostClient(new JsonHttp("demo-agent-token"), host.start()));

            arrivals.fileIfIdle();
            arrivals.fileIfIdle();
            tasks.set("[" + todo(1) + "," + todo(2) + "," + todo(3) + "]");
            arrivals.fileIfIdle();
        }

        assertThat(created).containsExactly(
                "{\"boardId\":10,\"title\":\"Fix the timezone bug in invoices\","
                        + "\"description\":\"Filed by the demo: fix the timezone bug in invoices.\",\"requiresApproval\":true}",
                "{\"boardId\":20,\"title\":\"Add pagination to the audit log\","
                        + "\"description\":\"Filed by the demo: add pagination to the audit log.\",\"requiresApproval\":true}");
    }

    static HostTask task(long id, String status) {
        return new HostTask(id, 10, "Task " + id, null, status, 0, null, false);
    }

    static String todo(long id) {
        return "{\"id\":" + id + ",\"boardId\":10,\"title\":\"Task " + id + "\",\"status\":\"TODO\"}";
    }
}
