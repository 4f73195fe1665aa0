package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.traces.ingest.domain.IngestTokenRepository;

import dev.agenttraces.traces.ingest.domain.IngestToken;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ingest tokens in plain JDBC: a lookup per ingest request must be one cheap indexed query. */
@ApplicationScoped
public class JdbcIngestTokenRepository implements IngestTokenRepository {

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The scope of an unrevoked token with this hash, if any. */
    @Override
    public Optional<TokenScope> findActive(String tokenHash) {
        String sql = "select t.id, t.name, t.all_agents, a.agent_id from ingest_token t"
                + " left join ingest_token_agent a on a.token_id = t.id"
                + " where t.token_hash = ? and t.revoked_at is null";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                Set<Long> agents = new HashSet<>();
                long id = -1;
                String name = null;
                boolean all = false;
                while (rs.next()) {
                    id = rs.getLong(1);
                    name = rs.getString(2);
                    all = rs.getBoolean(3);
                    long agent = rs.getLong(4);
                    if (!rs.wasNull()) {
                        agents.add(agent);
                    }
                }
                return id < 0 ? Optional.empty() : Optional.of(new TokenScope(id, name, all, agents));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read ingest tokens", e);
        }
    }

    @Override
    public boolean exists(String tokenHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from ingest_token where token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read ingest tokens", e);
        }
    }

    /** Stores a token and its agents in one transaction; returns its id. */
    @Override
    public long insert(String name, String tokenHash, boolean allAgents, Collection<Long> agentIds, String createdBy) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into ingest_token (name, token_hash, all_agents, created_by) values (?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, name);
                    ps.setString(2, tokenHash);
                    ps.setBoolean(3, allAgents);
                    ps.setString(4, createdBy);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into ingest_token_agent (token_id, agent_id) values (?, ?)")) {
                    for (Long agent : agentIds) {
                        ps.setLong(1, id);
                        ps.setLong(2, agent);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the ingest token", e);
        }
    }

    @Override
    public void revoke(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update ingest_token set revoked_at = current_timestamp where id = ? and revoked_at is null")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke the ingest token", e);
        }
    }

    /** Every token, newest first, with the names of the agents it is bound to. */
    @Override
    public List<IngestToken> list() {
        String sql = "select t.id, t.name, t.all_agents, t.created_by, t.created_at, t.revoked_at, a.name"
                + " from ingest_token t left join ingest_token_agent ta on ta.token_id = t.id"
                + " left join agent a on a.id = ta.agent_id order by t.id desc, a.name";
        Map<Long, IngestToken> tokens = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                IngestToken token = tokens.computeIfAbsent(id, k -> read(rs));
                String agent = rs.getString(7);
                if (agent != null) {
                    token.addAgent(agent);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list ingest tokens", e);
        }
        return List.copyOf(tokens.values());
    }

    /** Every agent by id, ordered by name, for binding tokens. */
    @Override
    public Map<Long, String> agents() {
        Map<Long, String> agents = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, name from agent order by name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                agents.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list agents", e);
        }
        return agents;
    }

    private static IngestToken read(ResultSet rs) {
        try {
            return new IngestToken(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                    instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
