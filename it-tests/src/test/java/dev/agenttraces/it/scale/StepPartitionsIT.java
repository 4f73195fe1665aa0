package dev.agenttraces.it.scale;

import dev.agenttraces.it.ingest.IngestSuite;
import dev.agenttraces.it.ingest.TraceRowsInDb;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.infrastructure.StepPartitionMaintenance;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.start;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

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

    private static OffsetDateTime stamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
