package dev.agenttraces.traces.trace.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reports whether the plugin can reach its database: without it nothing can be ingested or shown, so
 * it is both a readiness and a liveness signal and shows up in the server's aggregated {@code /health}.
 */
@Readiness
@Liveness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    static final String NAME = "agent-traces-database";

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named(NAME)
                    .status(valid)
                    .withData("database", c.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getMessage()).build();
        }
    }
}
