package dev.agenttraces.it.scale;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.ingest.IngestSuite;
import dev.agenttraces.it.ingest.TraceRowsInDb;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.infrastructure.StepPartitionMaintenance;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.start;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * trace_step partitioned by month in PostgreSQL (V97): the steps the API stores land in the partition of their
 * trace's creation month, whatever their own times, and never in the default one; the server keeps this month's
 * partition and the next two; a pass of the upkeep creates the months it is asked for and drops a past month's
 * partition only once no step and no trace of that month is left.
 */
class StepPartitionsIT extends IngestSuite {

    StepPartitionsIT() {
        super("Partitions", "test-model", "test-provider");
    }

    private static String partition(Instant at) {
        YearMonth m = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return "trace_step_%04d_%02d".formatted(m.getYear(), m.getMonthValue());
    }

    @Test
    void theApisStepsLandInTheirTracesMonth() {
        UUID trace = start(token, task, agent);
        // A step sent with a time months back still belongs to its trace's partition.
        HttpResponse<String> sent = append(token, trace, batch(step(1), step(2).add("startedAt", "2025-01-15T10:00:00Z"),
                step(3)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(207);
        Instant created = TestDatabase.firstOrNull(OffsetDateTime.class,
                "select created_at from trace where id = ?", trace).toInstant();
        assertThat(TestDatabase.single("select count(*) from trace_step where trace_id = ? and tableoid::regclass::text = ?",
                trace, partition(created))).isEqualTo(3);
        assertThat(TestDatabase.single("select count(*) from trace_step_default")).as("the default stays empty").isZero();
        assertThat(TraceRowsInDb.stored(trace)).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
    }

    @Test
    void theServerKeepsThisMonthAndTheNextTwo() throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            List<String> partitions = StepPartitionMaintenance.partitions(c);
            Instant now = Instant.now();
            for (int ahead = 0; ahead <= 2; ahead++) {
                assertThat(partitions).contains(partition(now.atOffset(ZoneOffset.UTC).plusMonths(ahead).toInstant()));
            }
            assertThat(partitions).contains("trace_step_default");
        }
    }

    @Test
    void aPassCreatesTheMonthsAheadItIsAskedFor() throws SQLException {
        Instant later = Instant.now().atOffset(ZoneOffset.UTC).plusMonths(40).toInstant();
        try (Connection c = TestDatabase.connect()) {
            StepPartitionMaintenance.Pass pass = StepPartitionMaintenance.run(c, later, 1);
            try {
                assertThat(pass.failed()).isEmpty();
                assertThat(pass.created()).containsExactly(partition(later),
                        partition(later.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant()));
                assertThat(StepPartitionMaintenance.partitions(c)).containsAll(pass.created());
                assertThat(StepPartitionMaintenance.run(c, later, 1).created()).as("a second pass finds them").isEmpty();
            } finally {
                for (String p : pass.created()) {
                    TestDatabase.update(c, "drop table " + p);
                }
                // Seen from 40 months on, this month and the next two were past and, on an empty database, unused:
                // the pass dropped them. Today's pass puts them back before any step needs them.
                StepPartitionMaintenance.run(c, Instant.now(), 2);
            }
        }
    }

    @Test
    void aPastMonthsPartitionIsDroppedOnlyOnceItsTracesAreGone() throws SQLException {
        Instant then = Instant.parse("2002-03-10T12:00:00Z");
        String old = partition(then);
        UUID trace = UUID.randomUUID();
        try (Connection c = TestDatabase.connect()) {
            assertThat(TestDatabase.firstOrNull(String.class, "select trace_step_month_partition(?)", stamp(then)))
                    .isEqualTo(old);
            TestDatabase.update(c, "insert into trace (id, task_id, agent_id, status, started_at, created_at)"
                    + " values (?, ?, ?, 'COMPLETED', ?, ?)", trace, task, agent, stamp(then), stamp(then));
            assertThat(StepPartitionMaintenance.run(c, Instant.now(), 2).dropped()).as("its trace has no step yet")
                    .doesNotContain(old);
            TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, started_at, content_hash,"
                    + " trace_created_at) values (?, 1, 'REASONING', ?, 'h', ?)", trace, stamp(then), stamp(then));
            assertThat(TestDatabase.single("select count(*) from " + old + " where trace_id = ?", trace)).isEqualTo(1);
            assertThat(StepPartitionMaintenance.run(c, Instant.now(), 2).dropped()).doesNotContain(old);

            TestDatabase.update(c, "delete from trace where id = ?", trace); // as retention does: its steps go with it
            List<String> dropped = new ArrayList<>(StepPartitionMaintenance.run(c, Instant.now(), 2).dropped());
            assertThat(dropped).contains(old);
            assertThat(StepPartitionMaintenance.partitions(c)).doesNotContain(old)
                    .contains(partition(Instant.now()), "trace_step_default");
        }
    }

    /**
     * Every read of one trace's steps names its partition key (`StepPartitionKey`), so PostgreSQL reads that one
     * partition: with every month in the plan, stale statistics can make it sort all of a large trace's steps for its
     * first page. The trace's month and the next are months of 2003 that no other suite touches (the next one holds
     * nothing); the task panel and the export API read the trace, and the next month's scan counters never move.
     */
    @Test
    void aTracesStepsAreReadFromItsOwnPartitionAlone() throws SQLException {
        Instant may = Instant.parse("2003-05-10T12:00:00Z");
        Instant june = Instant.parse("2003-06-10T12:00:00Z");
        UUID read = UUID.randomUUID();
        try (Connection c = TestDatabase.connect()) {
            for (Instant at : List.of(may, june)) {
                TestDatabase.firstOrNull(String.class, "select trace_step_month_partition(?)", stamp(at));
            }
            TestDatabase.update(c, "insert into trace (id, task_id, agent_id, status, started_at, created_at,"
                    + " step_count) values (?, ?, ?, 'COMPLETED', ?, ?, 3)", read, task, agent, stamp(may), stamp(may));
            for (int seq = 1; seq <= 3; seq++) {
                TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, content, started_at, content_hash,"
                        + " trace_created_at) values (?, ?, 'REASONING', ?, ?, 'h', ?)", read, seq, "thought " + seq,
                        stamp(may), stamp(may));
            }
        }
        long mayBefore = scans(partition(may));
        long juneBefore = scans(partition(june));

        String admin = Fixtures.unique("partition-admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");
        HttpResponse<String> export = IngestClient.get("/traces/" + read,
                HostTokens.mint(admin, Set.of("ADMIN"), "/traces/api/v1/traces/" + read));
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("thought 1", "thought 3");
        HttpResponse<String> panel = IngestClient.send(HttpRequest.newBuilder(
                URI.create(HostTokens.signedUrl(
                        TaskboardServer.start(), admin, Set.of("ADMIN"),
                        "/traces/task-panel.xhtml?task=" + task + "&trace=" + read))).build());
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("thought 2");

        // PostgreSQL publishes a backend's table counters when it goes idle, at most once a second.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> scans(partition(may)) > mayBefore);
        assertThat(scans(partition(june))).as("the next month's partition is never read").isEqualTo(juneBefore);
    }

    /** Index and sequential scans of a table so far. */
    private static long scans(String table) {
        return TestDatabase.single("select coalesce(idx_scan, 0) + coalesce(seq_scan, 0) from pg_stat_user_tables"
                + " where relname = ?", table);
    }

    private static OffsetDateTime stamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
