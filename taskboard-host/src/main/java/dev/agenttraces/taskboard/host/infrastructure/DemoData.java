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

        Agent coder = agent("Coder", "claude-sonnet-4-5", "anthropic", new BigDecimal("50.00"));
        Agent analyst = agent("Analyst", "gpt-4o", "openai", new BigDecimal("20.00"));
        Agent scout = agent("Scout", "gemini-2.5-flash", "google", null);

        Instant now = Instant.now();
        task(platform, "Fix flaky login test", true, coder, "Stabilised the test by waiting for the session cookie.", now.minus(Duration.ofHours(5)));
        task(platform, "Add rate limiting to the public API", true, coder, "Added a token bucket per API key, 100 req/min.", now.minus(Duration.ofHours(2)));
        task(platform, "Summarise last week's incidents", false, analyst, "Three incidents, all caused by expired certificates.", now.minus(Duration.ofDays(1)));
        task(platform, "Upgrade the PostgreSQL driver", false, null, null, null);
        task(research, "Compare vector databases", true, scout, "pgvector is enough below 10M embeddings.", now.minus(Duration.ofHours(9)));
        task(research, "Draft the Q3 research plan", false, null, null, null);
        LOG.info("Demo data seeded: 2 boards, 3 agents, 3 users, 6 tasks");
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

    private Agent agent(String name, String model, String provider, BigDecimal budget) {
        Agent agent = new Agent(name, model, provider);
        agent.setMonthlyBudgetUsd(budget);
        em.persist(agent);
        return agent;
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
