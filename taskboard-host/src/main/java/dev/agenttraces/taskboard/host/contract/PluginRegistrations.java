package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.host.infrastructure.TaskboardDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each plugin's last good descriptor in the host's database (table plugin_registration). Plain
 * JDBC in its own short transactions: the registry calls it from timer threads and must not hold a
 * container transaction open across HTTP fetches. Failing to store is logged, never fatal.
 */
@ApplicationScoped
public class PluginRegistrations {

    private static final Logger LOG = Logger.getLogger(PluginRegistrations.class.getName());

    @Resource(lookup = TaskboardDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Server URL → descriptor bytes, as last fetched successfully. */
    public Map<String, byte[]> load() {
        Map<String, byte[]> stored = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select server_url, descriptor from plugin_registration")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read stored plugin descriptors", e);
        }
        return stored;
    }

    public void save(String serverUrl, String pluginKey, byte[] descriptor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("delete from plugin_registration where server_url = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "insert into plugin_registration (server_url, plugin_key, descriptor, fetched_at) values (?, ?, ?, ?)")) {
                del.setString(1, serverUrl);
                del.executeUpdate();
                ins.setString(1, serverUrl);
                ins.setString(2, pluginKey);
                ins.setString(3, new String(descriptor, StandardCharsets.UTF_8));
                ins.setTimestamp(4, Timestamp.from(Instant.now()));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot store the descriptor of " + serverUrl, e);
        }
    }
}
