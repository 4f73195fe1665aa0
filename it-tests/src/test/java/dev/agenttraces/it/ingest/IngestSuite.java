package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared set-up of the suites that send traces as an agent: before each test, a board and an agent of their
 * own ("{name} board", "{name} agent", both made unique), a task of that agent in Review ("{name} task") and an
 * ingest token bound to the agent, or to every agent for the benchmarks. A subclass's own {@code @BeforeEach}
 * runs after this one, so it can use them.
 */
public abstract class IngestSuite {

    protected long board;
    protected long agent;
    protected long task;
    protected String token;

    private final String name;
    private final String model;
    private final String provider;
    private final boolean everyAgent;

    protected IngestSuite(String name, String model, String provider) {
        this(name, model, provider, false);
    }

    protected IngestSuite(String name, String model, String provider, boolean everyAgent) {
        this.name = name;
        this.model = model;
        this.provider = provider;
        this.everyAgent = everyAgent;
    }

    @BeforeEach
    protected void newSender() {
        board = Fixtures.board(Fixtures.unique(name + " board"));
        agent = Fixtures.agent(Fixtures.unique(name + " agent"), model, provider);
        task = Fixtures.reviewedTask(board, agent, name + " task", "done");
        token = everyAgent ? IngestClient.token(true) : IngestClient.token(false, agent);
    }
}
