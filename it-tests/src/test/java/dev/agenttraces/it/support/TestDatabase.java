package dev.agenttraces.it.support;

import dev.agenttraces.taskboard.database.OwnSchema;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suites' PostgreSQL: the same database every Payara Micro the suites start points at (through the
 * TASKBOARD_DB_* environment that failsafe sets). Tests create their own rows through {@link Fixtures}.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String url() {
        return System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/taskboard_test");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), System.getProperty("it.db.user", "taskboard"),
                System.getProperty("it.db.password", "taskboard"));
    }

    /** Runs one statement on {@code c}, its parameters bound in order ({@code setObject}); returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** As {@link #update(Connection, String, Object...)} on a connection of its own; a failure names the statement. */
    public static int update(String sql, Object... params) {
        try (Connection c = connect()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row a query answers, as a number (a count, a sum, an id). */
    public static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As {@link #single(Connection, String, Object...)} on a connection of its own; a failure names the query. */
    public static long single(String sql, Object... params) {
        try (Connection c = connect()) {
            return single(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row a query answers, as that type, or null when it answers no row. */
    public static <T> T firstOrNull(Class<T> type, String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Empties the database and lays down the host's schema, as the host would on first start. The
     * plugin's Arquillian deployment runs alone, and its tables reference the host's, so the host's
     * schema must exist before any plugin deployment starts.
     */
    public static void resetWithHostSchema() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test database at " + url()
                    + " (bin/test creates it; is PostgreSQL running?)", e);
        }
        OwnSchema.HOST.migrate(Flyway.configure(TestDatabase.class.getClassLoader())
                .dataSource(url(), System.getProperty("it.db.user", "taskboard"), System.getProperty("it.db.password", "taskboard")));
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
