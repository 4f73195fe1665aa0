package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.OldSchema;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 9b, on an upgraded database: the demo ingest token that code older than V21 created (not
 * flagged demo, since the column did not exist) must stop working once today's plugin starts with demo mode off.
 * The database is a schema of its own in the suites' PostgreSQL, migrated as an old release left it (the host's
 * schema, the plugin's up to V20) and holding that release's demo row; a server of its own (port + 9) then
 * upgrades it, as an operator's restart would.
 */
class DemoTokenUpgradeIT {

    private static final int PORT = TaskboardServer.port() + 9;
    private static final String DEMO_VALUE = "demo-ingest-token";

    @Test
    void theOldDemoTokenIsRevokedWhenTheUpgradedPluginStartsWithDemoModeOff() throws Exception {
        String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        String kept = "kept_" + UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        Process server = null;
        try {
            OldSchema.migrate(schema, "db/taskboard", "taskboard_schema_history", null);
            OldSchema.migrate(schema, "db/traces", "traces_schema_history", "20");
            oldToken(schema, "Demo token (agent.traces.demo-ingest-token)", DEMO_VALUE, "system");
            oldToken(schema, "CI agents", kept, "admin");

            String url = TestDatabase.url() + (TestDatabase.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String base = "http://localhost:" + PORT;
            server = TaskboardServer.launch(PORT, base + "/traces", true, List.of(), Map.of("TASKBOARD_DB_URL", url));
            TaskboardServer.awaitReady(server, base, TaskboardServer.logFile(PORT), "\"ENABLED\"");

            assertThat(export(base, DEMO_VALUE)).as("the published value no longer writes").isEqualTo(401);
            assertThat(export(base, kept)).as("a token an admin created is untouched").isEqualTo(200);
            try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                    "select demo, revoked_at is not null from " + schema + ".ingest_token where token_hash = ?")) {
                ps.setString(1, IngestClient.sha256(DEMO_VALUE));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).as("flagged demo by V80").isTrue();
                    assertThat(rs.getBoolean(2)).as("revoked at start").isTrue();
                }
            }
        } finally {
            if (server != null) {
                TaskboardServer.stop(server);
            }
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** A token row as the code before V21 wrote it: every agent, no board or demo column yet. */
    private static void oldToken(String schema, String name, String value, String createdBy) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("insert into " + schema
                + ".ingest_token (name, token_hash, all_agents, created_by) values (?, ?, true, ?)")) {
            ps.setString(1, name);
            ps.setString(2, IngestClient.sha256(value));
            ps.setString(3, createdBy);
            ps.executeUpdate();
        }
    }

    /** The status of an empty OTLP export with this Bearer token: 200 when the token is accepted. */
    private static int export(String base, String token) {
        return IngestClient.send(HttpRequest.newBuilder(URI.create(base + "/traces/v1/traces"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode();
    }
}
