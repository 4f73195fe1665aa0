package dev.agenttraces.taskboard.host.infrastructure;

import dev.agenttraces.taskboard.host.security.login.PasswordHashes;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Role;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Seeds boards, agents, users and tasks for the demo and the browser suites, once: it does nothing when
 * the database already has a board, so restarting against a kept database never duplicates rows.
 * Off unless {@code taskboard.demo-data.enabled=true}. The users it creates are marked demo, so that
 * {@link DemoModeGuard} can disable them when demo mode is off, and re-enabled here when it is on again.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "DemoModeGuard"})
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    static final String CODER_BUDGET_USD = "0.80";
    static final String ANALYST_BUDGET_USD = "1.00";
    static final int ANALYST_WARNING_PERCENT = 25;
    /** Days of history the simulated agents backdate their first traces over (see {@link #resetDayCovering}). */
    static final int HISTORY_DAYS = 3;

    /** Work waiting for the agents at start: {board, title, requires approval}. */
    private static final String[][] TO_DO = {
            {"Platform", "Migrate the session store to Redis", "true"},
            {"Platform", "Add request tracing to the payments service", "true"},
            {"Research", "Evaluate small embedding models", "false"},
            {"Platform", "Remove the deprecated v1 endpoints", "false"},
            {"Research", "Benchmark the re-ranking step", "true"},
            {"Platform", "Document the on-call runbook", "false"},
            {"Research", "Survey agent evaluation methods", "true"},
            {"Platform", "Speed up the CI pipeline", "true"},
    };

    @Inject
    @ConfigProperty(name = "taskboard.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    private final PasswordHashes passwordHashes = new PasswordHashes();

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        reenableDemoAccounts();
        if (em.createQuery("select count(b) from Board b", Long.class).getSingleResult() > 0) {
            return;
        }
        User admin = user("admin", "Ada Admin", "admin-pass", Role.ADMIN);
        User reviewer = user("reviewer", "Rita Reviewer", "reviewer-pass", Role.REVIEWER);
        User viewer = user("viewer", "Victor Viewer", "viewer-pass", Role.VIEWER);

        Board platform = board("Platform", admin, reviewer, viewer);
        Board research = board("Research", admin, reviewer);

        Instant now = Instant.now();
        // Budgets sized to the simulated agents' spend (demo-agents, see README "The living demo"): their
        // first burst of traces costs the Coder about $0.85, so its first live claim pauses it; it costs the
        // Analyst about $0.30, past its 25 % warning, and at its slow pace it stays amber for a good ten
        // minutes before it is paused too. The Scout has no budget.
        Agent coder = agent("Coder", "claude-sonnet-4-5", "anthropic", new BigDecimal(CODER_BUDGET_USD), now);
        Agent analyst = agent("Analyst", "gpt-4o", "openai", new BigDecimal(ANALYST_BUDGET_USD), now);
        analyst.setWarningThresholdPercent(ANALYST_WARNING_PERCENT);
        Agent scout = agent("Scout", "gemini-2.5-flash", "google", null, now);

        task(platform, "Fix flaky login test", true, coder, "Stabilised the test by waiting for the session cookie.", now.minus(Duration.ofHours(5)));
        task(platform, "Add rate limiting to the public API", true, coder, "Added a token bucket per API key, 100 req/min.", now.minus(Duration.ofHours(2)));
        task(platform, "Summarise last week's incidents", false, analyst, "Three incidents, all caused by expired certificates.", now.minus(Duration.ofDays(1)));
        task(platform, "Upgrade the PostgreSQL driver", false, null, null, null);
        task(research, "Compare vector databases", true, scout, "pgvector is enough below 10M embeddings.", now.minus(Duration.ofHours(9)));
        task(research, "Draft the Q3 research plan", false, null, null, null);
        for (String[] todo : TO_DO) {
            task("Platform".equals(todo[0]) ? platform : research, todo[1], Boolean.parseBoolean(todo[2]), null, null, null);
        }
        LOG.info(() -> "Demo data seeded: 2 boards, 3 agents, 3 users, " + (6 + TO_DO.length) + " tasks");
    }

    /** Demo accounts a run with demo mode off disabled get their published passwords back. */
    private void reenableDemoAccounts() {
        em.createQuery("select u from User u where u.demo = true and u.passwordHash = :off", User.class)
                .setParameter("off", DemoModeGuard.DISABLED_HASH)
                .getResultList()
                .forEach(u -> u.setPasswordHash(passwordHashes.hash((u.getUsername() + "-pass").toCharArray())));
    }

    private User user(String username, String name, String password, Role role) {
        User user = new User(username, name, passwordHashes.hash(password.toCharArray()));
        user.markDemo();
        user.getRoles().add(role);
        em.persist(user);
        return user;
    }

    private Board board(String name, User... members) {
        Board board = new Board(name);
        board.getMembers().addAll(java.util.List.of(members));
        em.persist(board);
        return board;
    }

    private Agent agent(String name, String model, String provider, BigDecimal budget, Instant now) {
        Agent agent = new Agent(name, model, provider);
        agent.setMonthlyBudgetUsd(budget);
        agent.setBudgetResetDay(resetDayCovering(now));
        em.persist(agent);
        return agent;
    }

    /**
     * A budget reset day whose current period began at least {@link #HISTORY_DAYS} days before {@code now},
     * so the simulated agents' backdated history counts against this period's budget.
     */
    static int resetDayCovering(Instant now) {
        int day = now.minus(Duration.ofDays(HISTORY_DAYS)).atZone(java.time.ZoneOffset.UTC).getDayOfMonth();
        return Math.min(day, 28);
    }

    private void task(Board board, String title, boolean approval, Agent agent, String output, Instant completedAt) {
        Task task = new Task(board, title, "Demo task: " + title.toLowerCase() + ".", approval);
        if (agent != null) {
            task.start(agent);
            task.deliver(output, completedAt);
        }
        em.persist(task);
    }
}
