package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * New work keeps arriving: every {@link #EVERY}, while fewer than {@value #BACKLOG} tasks wait in To Do, a
 * task is filed on the next board in turn (every other one of a board needs approval, so Review keeps filling). What
 * to file is worked out apart from the host ({@link #backlogFull}, {@link #nth}), so it is tested on its own.
 */
final class TaskArrivals implements Runnable {

    private static final Logger LOG = Logger.getLogger(TaskArrivals.class.getName());
    static final Duration EVERY = Duration.ofSeconds(20);
    static final int BACKLOG = 3;

    private static final List<String> TITLES = List.of("Fix the timezone bug in invoices", "Add pagination to the audit log",
            "Investigate slow search queries", "Write the release notes", "Upgrade the logging library",
            "Summarise customer feedback from October", "Add a health check for the queue", "Reduce the Docker image size",
            "Compare open-source LLM evaluation tools", "Draft the data retention policy", "Triage the nightly test failures",
            "Prototype semantic search over the docs");

    private final HostClient host;
    private int filed;

    TaskArrivals(HostClient host) {
        this.host = host;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                fileIfIdle();
            } catch (IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not file a task; trying again later", e);
            }
            RunPlayer.sleep(EVERY);
        }
    }

    /** Files the next task unless {@value #BACKLOG} or more wait in To Do; the count moves on only once it is filed. */
    void fileIfIdle() {
        if (backlogFull(host.tasks())) {
            return;
        }
        NewTask next = nth(filed, host.boardIds());
        HostTask task = host.create(next.boardId(), next.title(), next.description(), next.requiresApproval());
        filed++;
        LOG.info(() -> "New task " + task.id() + " on board " + task.boardId() + ": " + task.title());
    }

    /** A task to file: on which board, what it says, and whether a reviewer must approve it. */
    record NewTask(long boardId, String title, String description, boolean requiresApproval) {
    }

    /** Whether enough work waits already: {@value #BACKLOG} or more tasks in To Do, whatever their board or agent. */
    static boolean backlogFull(List<HostTask> tasks) {
        return tasks.stream().filter(t -> t.status().equals("TODO")).count() >= BACKLOG;
    }

    /**
     * The {@code n}th task filed (from 0): the boards take turns, each board's tasks alternate between needing
     * approval (they stop in Review) and not (they go straight to Done), so both kinds keep arriving on every
     * board; once the titles are used up they come round again numbered, "… (2)", so no two open tasks share a title.
     */
    static NewTask nth(int n, List<Long> boards) {
        if (boards.isEmpty()) {
            throw new IllegalStateException("The host lists no boards to file a task on");
        }
        String title = TITLES.get(n % TITLES.size()) + (n >= TITLES.size() ? " (" + (n / TITLES.size() + 1) + ")" : "");
        return new NewTask(boards.get(n % boards.size()), title, "Filed by the demo: " + title.toLowerCase(Locale.ROOT) + ".",
                (n / boards.size()) % 2 == 0);
    }
}
