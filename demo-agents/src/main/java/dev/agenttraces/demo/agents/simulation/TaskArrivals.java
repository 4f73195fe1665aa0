package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * New work keeps arriving: every {@link #EVERY}, while fewer than {@value #BACKLOG} tasks wait in To Do, a
 * task is filed on the next board in turn (every other one needs approval, so Review keeps filling).
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

    void fileIfIdle() {
        if (host.tasks().stream().filter(t -> t.status().equals("TODO")).count() >= BACKLOG) {
            return;
        }
        List<Long> boards = host.boardIds();
        String title = TITLES.get(filed % TITLES.size()) + (filed >= TITLES.size() ? " (" + (filed / TITLES.size() + 1) + ")" : "");
        HostTask task = host.create(boards.get(filed % boards.size()), title, "Filed by the demo: " + title.toLowerCase() + ".",
                filed % 2 == 0);
        filed++;
        LOG.info(() -> "New task " + task.id() + " on board " + task.boardId() + ": " + task.title());
    }
}
