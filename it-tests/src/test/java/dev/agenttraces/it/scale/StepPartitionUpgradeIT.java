package dev.agenttraces.it.scale;

import dev.agenttraces.it.support.OldSchema;
import dev.agenttraces.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V97 on a database that already holds steps, as an operator's upgrade meets it: a schema of its own, migrated as
 * the release before left it (the plugin's scripts up to V96, unpartitioned), with traces created in two months
 * and their steps; then today's migrations. Every step is still there, with its trace's creation instant, in that
 * month's partition; nothing is in the default partition; and a step stored twice is still refused.
 */
class StepPartitionUpgradeIT {

    @Test
    void existingStepsMoveIntoTheirTracesMonths() throws SQLException {
        String schema = "partitions_" + UUID.randomUUID().toString().substring(0, 8);
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        try {
            OldSchema.migrate(schema, "db/taskboard", "taskboard_schema_history", null);
            OldSchema.migrate(schema, "db/traces", "traces_schema_history", "96");
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("set search_path = " + schema);
                s.execute("insert into board (name) values ('Upgrade board')");
                s.execute("insert into agent (name, model, provider) values ('Upgrade agent', 'm', 'p')");
                s.execute("insert into task (board_id, title) values ((select max(id) from board), 'Upgrade task')");
                trace(s, older, "2026-02-27T23:59:59Z", 40);
                trace(s, newer, "2026-03-01T00:00:00Z", 25);
            }

            OldSchema.migrate(schema, "db/traces,db/traces-postgresql", "traces_schema_history", null);

            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("set search_path = " + schema);
                assertThat(count(s, "select count(*) from trace_step_2026_02 where trace_id = '" + older + "'"
                        + " and trace_created_at = '2026-02-27T23:59:59Z'")).isEqualTo(40);
                assertThat(count(s, "select count(*) from trace_step_2026_03 where trace_id = '" + newer + "'"
                        + " and trace_created_at = '2026-03-01T00:00:00Z'")).isEqualTo(25);
                assertThat(count(s, "select count(*) from trace_step")).isEqualTo(65);
                assertThat(count(s, "select count(*) from trace_step_default")).isZero();
                assertThat(count(s, "select count(*) from trace_step where content = 'step 7 of " + older + "'"))
                        .as("the rows as they were").isEqualTo(1);
                assertThatThrownBy(() -> s.execute("insert into trace_step (trace_id, seq, type, started_at,"
                        + " content_hash, trace_created_at) values ('" + older + "', 7, 'REASONING', current_timestamp,"
                        + " 'h', '2026-02-27T23:59:59Z')")).as("the key still holds").isInstanceOf(SQLException.class)
                        .hasMessageContaining("trace_step_2026_02_pkey");
                s.execute("delete from trace where id = '" + newer + "'");
                assertThat(count(s, "select count(*) from trace_step")).as("steps still go with their trace")
                        .isEqualTo(40);
            }
        } finally {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static void trace(Statement s, UUID id, String createdAt, int steps) throws SQLException {
        s.execute("insert into trace (id, task_id, agent_id, status, started_at, created_at) values ('" + id + "',"
                + " (select max(id) from task), (select max(id) from agent), 'COMPLETED', '" + createdAt + "', '"
                + createdAt + "')");
        s.execute("insert into trace_step (trace_id, seq, type, content, started_at, content_hash) select '" + id
                + "', g, 'REASONING', 'step ' || g || ' of " + id + "', current_timestamp, md5(g::text)"
                + " from generate_series(1, " + steps + ") g");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
