package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.shared.infrastructure.DatabaseFailures;
import dev.agenttraces.traces.shared.StoreUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one local JDBC transaction and commits before returning, so whatever the API
 * acknowledges afterwards is durable; any exception rolls everything back, so nothing of a refused
 * request is written. Ingest needs no JTA: it touches one database and wants the least overhead.
 */
@ApplicationScoped
public class JdbcTransaction {

    /** Work against an open connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    public <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("Trace store write failed: ", e);
        } catch (RuntimeException e) {
            throw isTransient(e) && !StoreUnavailable.in(e) ? failure("Trace store write failed: ", e) : e;
        }
    }

    /** Rolls back, keeping the original failure when the connection is gone too (a database restart). */
    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A transient failure becomes {@link StoreUnavailable} (503 with Retry-After), any other an internal error. */
    private static RuntimeException failure(String what, Exception e) {
        return isTransient(e) ? new StoreUnavailable(what + e.getMessage(), e)
                : new IllegalStateException(what + e.getMessage(), e);
    }

    /** Reads without an explicit transaction. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure("Trace store read failed: ", e);
        }
    }

    /** Whether the exception is a unique-key violation (SQLState 23505 in PostgreSQL and H2). */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the exception says "try again later" ({@link DatabaseFailures#isTransient}, its one home). */
    public static boolean isTransient(Throwable e) {
        return DatabaseFailures.isTransient(e);
    }
}
