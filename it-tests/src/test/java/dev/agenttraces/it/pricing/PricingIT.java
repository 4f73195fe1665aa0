package dev.agenttraces.it.pricing;

import dev.agenttraces.traces.pricing.application.CataloguePricer;
import dev.agenttraces.traces.pricing.application.RecomputeAlreadyRunning;
import dev.agenttraces.traces.pricing.application.RecomputeJob;
import dev.agenttraces.traces.pricing.application.RecomputeScope;
import dev.agenttraces.traces.pricing.application.RecomputeService;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceTier;
import dev.agenttraces.traces.pricing.domain.Rates;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pricer and the recomputation in the plugin WAR as built, on Payara Micro and PostgreSQL: the seeded
 * catalogue prices the common models, and a recomputation after a catalogue edit re-prices stored steps
 * exactly, rebuilds the trace totals, and refuses a second concurrent start.
 */
@ExtendWith(ArquillianExtension.class)
class PricingIT {

    private static final Instant JULY_2025 = Instant.parse("2025-07-01T12:00:00Z");

    /**
     * The WAR as built, without the host-token filter: Arquillian's test servlet carries no host token, and
     * this test is about pricing, not the front door (the contract suites test that).
     */
    @Deployment
    static WebArchive plugin() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.plugin.war")))
                .addClass(PricingIT.class).addClasses(SpendRollupSums.class, TestDatabase.class);
        war.delete("/WEB-INF/classes/dev/agenttraces/traces/access/interfaces/ViewerFilter.class");
        // web.xml orders the filters by name; a mapping of a filter that is gone fails the deployment
        String webXml = new String(readAll(war.get("/WEB-INF/web.xml").getAsset()), StandardCharsets.UTF_8)
                .replaceAll("(?s)<filter-mapping>\\s*<filter-name>ViewerFilter</filter-name>.*?</filter-mapping>", "");
        return war.setWebXML(new StringAsset(webXml));
    }

    private static byte[] readAll(org.jboss.shrinkwrap.api.asset.Asset asset) {
        try (var in = asset.openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    CataloguePricer pricer;

    @Inject
    RecomputeService recompute;

    @Test
    void pricesStepsFromTheSeededCatalogue() {
        // gpt-4o: 1000*2.50 + 4000*1.25 + 200*10 + 50*10 (reasoning at the output price) = 10000 per 1e6.
        assertAmount("0.01", pricer.price("gpt-4o", "openai", JULY_2025, new TokenCounts(1_000, 200, 4_000, 50)));
        // The literal dated snapshot beats the gpt-4o regex.
        assertAmount("5", pricer.price("gpt-4o-2024-05-13", "openai", JULY_2025, new TokenCounts(1_000_000, 0, 0, 0)));
        // o3 before and after its price cut.
        TokenCounts million = new TokenCounts(1_000_000, 1_000_000, 0, 0);
        assertAmount("50", pricer.price("o3-2025-04-16", "openai", Instant.parse("2025-05-01T00:00:00Z"), million));
        assertAmount("10", pricer.price("o3-2025-04-16", "openai", JULY_2025, million));
        // Gemini 2.5 Pro: the whole step at the long-context tier once total input passes 200k.
        assertAmount("0.26", pricer.price("gemini-2.5-pro", "google", JULY_2025, new TokenCounts(200_000, 1_000, 0, 0)));
        assertAmount("0.496250625", pricer.price("gemini-2.5-pro", "google", JULY_2025, new TokenCounts(190_000, 1_000, 10_001, 0)));
        // Claude cache reads at a tenth of the input price.
        assertAmount("0.048", pricer.price("claude-sonnet-4-5-20250929", "anthropic", JULY_2025, new TokenCounts(1_000, 1_000, 100_000, 0)));
        // Unknown model, wrong provider, before launch: unpriced, never zero.
        assertNull(pricer.price("llama-3-70b", null, JULY_2025, million));
        assertNull(pricer.price("gpt-4o", "anthropic", JULY_2025, million));
        assertNull(pricer.price("gpt-5", "openai", JULY_2025, million));
        // Every price names its source: the seeded ones their list-price URL; entries that admins added or imported on
        // this shared database (the prices page and LiteLLM import suites) name theirs.
        assertTrue(pricer.entries().stream().allMatch(e -> e.source() != null && !e.source().isBlank()), "every price names its source");
        assertTrue(pricer.entries().stream().anyMatch(e -> e.source().startsWith("https://")), "the seeded prices name their URL");
    }

    @Test
    void recomputesAffectedTracesExactlyAndRefusesASecondConcurrentRun() throws Exception {
        String model = "acme-large-" + UUID.randomUUID().toString().substring(0, 8);
        UUID trace = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            long task = insertTaskAndAgent(c, model);
            exec(c, "insert into trace (id, task_id, agent_id, status, model, provider, started_at, step_count, unpriced_steps)"
                    + " values (?, ?, (select assignee_agent_id from task where id = ?), 'COMPLETED', ?, 'acme', ?, 4, 4)", // all four steps stored unpriced
                    trace, task, task, model, Timestamp.from(JULY_2025));
            step(c, trace, 1, model, 1_000, 500, 2_000, 100, JULY_2025);
            step(c, trace, 2, null, 250_000, 1_000, 0, 0, JULY_2025.plusSeconds(5)); // the trace's model; tiered
            step(c, trace, 3, null, 0, 0, 0, 0, JULY_2025.plusSeconds(6));           // a tool result: no tokens
            step(c, trace, 4, model, 10, 10, 0, 0, Instant.parse("2025-05-31T23:00:00Z")); // before the price
            SpendRollupSums.rebuild(c); // the fixture went straight into the store: let the rollups follow it
        }
        PriceEntry entry = new PriceEntry(null, model.replace("-", "\\-"), "acme", LocalDate.of(2025, 6, 1),
                new Rates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"), new BigDecimal("20")),
                List.of(new PriceTier(200_000, new Rates(new BigDecimal("6"), new BigDecimal("22.5"), null, null))), "https://example.test/acme 2026-11-24");
        pricer.save(entry);

        long job;
        // Hold the trace row as a concurrent ingest would, on a connection of its own outside the pool and
        // JTA: the job must wait for it.
        try (Connection blocker = DriverManager.getConnection(System.getenv("TASKBOARD_DB_URL"),
                System.getenv("TASKBOARD_DB_USER"), System.getenv("TASKBOARD_DB_PASSWORD"))) {
            blocker.setAutoCommit(false);
            exec(blocker, "select id from trace where id = ? for update", trace);
            job = recompute.start(RecomputeScope.ofChange(null, entry));
            assertThrows(RecomputeAlreadyRunning.class, () -> recompute.start(RecomputeScope.all()));
            assertEquals(RecomputeJob.Status.RUNNING, recompute.find(job).orElseThrow().status());
            blocker.rollback();
        }
        RecomputeJob finished = awaitEnd(job);
        assertEquals(RecomputeJob.Status.DONE, finished.status(), finished.error());
        assertEquals(1, finished.total());
        assertEquals(1, finished.done());

        // 1000*3 + 2000*0.3 + 500*15 + 100*20 = 3000 + 600 + 7500 + 2000 = 13100 / 1e6
        BigDecimal first = new BigDecimal("0.013100000000");
        // above 200k: 250000*6 + 1000*22.5 = 1522500 / 1e6
        BigDecimal second = new BigDecimal("1.522500000000");
        try (Connection c = dataSource.getConnection()) {
            assertEquals(Arrays.asList(first, second, new BigDecimal("0E-12"), null),
                    column(c, "select cost_usd from trace_step where trace_id = ? order by seq", trace));
            try (PreparedStatement ps = c.prepareStatement("select cost_usd, unpriced_steps from trace where id = ?")) {
                ps.setObject(1, trace);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(first.add(second), rs.getBigDecimal(1));
                    assertEquals(1, rs.getInt(2), "the step before the price's effective date stays unpriced");
                }
            }
            long agent = column(c, "select agent_id from trace where id = ?", trace).stream()
                    .map(a -> ((Number) a).longValue()).findFirst().orElseThrow();
            assertEquals(List.of(), SpendRollupSums.mismatches(c, agent), "the recompute moved the spend rollups exactly");
        }
        // Once finished, a new job may start again.
        assertEquals(RecomputeJob.Status.DONE, awaitEnd(recompute.start(RecomputeScope.ofChange(entry, null))).status());
    }

    /**
     * The fifth count in a recompute: steps with cache writes are priced at the entry's cache-write rate, and a
     * change of that rate alone re-prices them exactly, trace totals and spend rollups with them.
     */
    @Test
    void recomputesCacheWritesAtTheirOwnPriceWhenThatPriceChanges() throws Exception {
        String model = "acme-cache-" + UUID.randomUUID().toString().substring(0, 8);
        UUID trace = UUID.randomUUID();
        long agent;
        try (Connection c = dataSource.getConnection()) {
            long task = insertTaskAndAgent(c, model);
            exec(c, "insert into trace (id, task_id, agent_id, status, model, provider, started_at, step_count, unpriced_steps,"
                    + " cache_creation_tokens) values (?, ?, (select assignee_agent_id from task where id = ?), 'COMPLETED',"
                    + " ?, 'acme', ?, 2, 2, 40001)", trace, task, task, model, Timestamp.from(JULY_2025));
            step(c, trace, 1, model, 1_000, 100, 2_000, 0, JULY_2025);
            step(c, trace, 2, model, 10, 10, 0, 0, JULY_2025.plusSeconds(3));
            exec(c, "update trace_step set cache_creation_tokens = 40000 where trace_id = ? and seq = 1", trace);
            exec(c, "update trace_step set cache_creation_tokens = 1 where trace_id = ? and seq = 2", trace);
            SpendRollupSums.rebuild(c);
            agent = column(c, "select agent_id from trace where id = ?", trace).get(0).longValue();
        }
        PriceEntry entry = new PriceEntry(null, model.replace("-", "\\-"), "acme", LocalDate.of(2025, 6, 1),
                new Rates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"), null, new BigDecimal("3.75")),
                List.of(), "https://example.test/acme-cache 2026-12-01");
        long id = pricer.save(entry);
        assertEquals(RecomputeJob.Status.DONE, awaitEnd(recompute.start(RecomputeScope.ofChange(null, entry))).status());
        // 1000*3 + 2000*0.3 + 100*15 + 40000*3.75 = 3000 + 600 + 1500 + 150000 = 155100 / 1e6; 10*3 + 10*15 + 1*3.75
        assertCosts(trace, agent, new BigDecimal("0.155100000000"), new BigDecimal("0.000183750000"));

        PriceEntry dearer = new PriceEntry(id, entry.modelPattern(), "acme", entry.effectiveFrom(),
                new Rates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"), null, new BigDecimal("6")),
                List.of(), entry.source());
        pricer.save(dearer);
        assertEquals(RecomputeJob.Status.DONE, awaitEnd(recompute.start(RecomputeScope.ofChange(entry, dearer))).status());
        // only the cache writes' rate moved: 40000*6 = 240000 in place of 150000; 1*6 in place of 3.75
        assertCosts(trace, agent, new BigDecimal("0.245100000000"), new BigDecimal("0.000186000000"));
    }

    /** The steps' costs, the trace's total (all priced, cache writes kept) and rollups that match them. */
    private void assertCosts(UUID trace, long agent, BigDecimal... costs) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(Arrays.asList(costs), column(c, "select cost_usd from trace_step where trace_id = ? order by seq", trace));
            try (PreparedStatement ps = c.prepareStatement("select cost_usd, unpriced_steps, cache_creation_tokens from trace where id = ?")) {
                ps.setObject(1, trace);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertAmount(Arrays.stream(costs).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(), rs.getBigDecimal(1));
                    assertEquals(0, rs.getInt(2), "every step priced");
                    assertEquals(40_001, rs.getLong(3), "the cache writes stay counted");
                }
            }
            assertEquals(List.of(), SpendRollupSums.mismatches(c, agent), "the recompute moved the spend rollups exactly");
        }
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertTrue(actual != null && actual.compareTo(new BigDecimal(expected)) == 0, "expected " + expected + " but was " + actual);
    }

    private RecomputeJob awaitEnd(long job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        RecomputeJob state = recompute.find(job).orElseThrow();
        while (state.running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            state = recompute.find(job).orElseThrow();
        }
        return state;
    }

    private static long insertTaskAndAgent(Connection c, String model) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into board (name) values ('Pricing " + model + "')", new String[] {"id"});
            long board = key(s);
            s.executeUpdate("insert into agent (name, model, provider) values ('Agent " + model + "', '" + model + "', 'acme')", new String[] {"id"});
            long agent = key(s);
            s.executeUpdate("insert into task (board_id, title, assignee_agent_id) values (" + board + ", 'Priced task', " + agent + ")", new String[] {"id"});
            return key(s);
        }
    }

    private static long key(Statement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void step(Connection c, UUID trace, int seq, String model, long in, long out, long cached, long reasoning,
                             Instant at) throws SQLException {
        exec(c, "insert into trace_step (trace_id, seq, type, model, input_tokens, output_tokens, cached_input_tokens,"
                + " reasoning_tokens, cost_usd, started_at, content_hash, trace_created_at) values (?, ?, 'REASONING', ?, ?, ?, ?, ?,"
                + " null, ?, ?, (select created_at from trace where id = ?))",
                trace, seq, model, in, out, cached, reasoning, Timestamp.from(at), "hash-" + seq, trace);
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static List<BigDecimal> column(Connection c, String sql, UUID trace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, trace);
            try (ResultSet rs = ps.executeQuery()) {
                List<BigDecimal> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getBigDecimal(1));
                }
                return values;
            }
        }
    }
}
