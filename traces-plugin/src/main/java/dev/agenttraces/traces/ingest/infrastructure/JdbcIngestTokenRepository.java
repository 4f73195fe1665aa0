package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.traces.ingest.domain.IngestTokenRepository;

import dev.agenttraces.traces.ingest.domain.IngestToken;
import dev.agenttraces.traces.ingest.domain.NewToken;
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
        String sql = "select t.id, t.name, t.all_agents, t.all_boards, t.assigned_tasks_only, a.agent_id"
                + " from ingest_token t left join ingest_token_agent a on a.token_id = t.id"
                + " where t.token_hash = ? and t.revoked_at is null";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                Set<Long> agents = new HashSet<>();
                long id = -1;
                String name = null;
                boolean all = false;
                boolean allBoards = true;
                boolean assignedOnly = false;
                while (rs.next()) {
                    id = rs.getLong(1);
                    name = rs.getString(2);
                    all = rs.getBoolean(3);
                    allBoards = rs.getBoolean(4);
                    assignedOnly = rs.getBoolean(5);
                    long agent = rs.getLong(6);
                    if (!rs.wasNull()) {
                        agents.add(agent);
                    }
                }
                if (id < 0) {
                    return Optional.empty();
                }
                Set<Long> boards = allBoards ? Set.of() : ids(c, "select board_id from ingest_token_board where token_id = ?", id);
                return Optional.of(new TokenScope(id, name, all, agents, allBoards, boards, assignedOnly));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read ingest tokens", e);
        }
    }

    private static Set<Long> ids(Connection c, String sql, long key) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
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

    /** Stores a token with its agents and boards in one transaction; returns its id. */
    @Override
    public long insert(NewToken token) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into ingest_token (name, token_hash, all_agents,"
                                + " all_boards, assigned_tasks_only, demo, created_by) values (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, token.name());
                    ps.setString(2, token.hash());
                    ps.setBoolean(3, token.allAgents());
                    ps.setBoolean(4, token.allBoards());
                    ps.setBoolean(5, token.assignedTasksOnly());
                    ps.setBoolean(6, token.demo());
                    ps.setString(7, token.createdBy());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                }
                link(c, "insert into ingest_token_agent (token_id, agent_id) values (?, ?)", id, token.agentIds());
                link(c, "insert into ingest_token_board (token_id, board_id) values (?, ?)", id, token.boardIds());
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

    private static void link(Connection c, String sql, long tokenId, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Long other : ids) {
                ps.setLong(1, tokenId);
                ps.setLong(2, other);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Revokes every demo token except the one with {@code keepHash} (null: all of them); returns how many. */
    @Override
    public int revokeDemoTokens(String keepHash) {
        String sql = "update ingest_token set revoked_at = current_timestamp where demo = true and revoked_at is null"
                + (keepHash == null ? "" : " and token_hash <> ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (keepHash != null) {
                ps.setString(1, keepHash);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke demo ingest tokens", e);
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

    /** Every token, newest first, with the names of the agents and boards it is bound to. */
    @Override
    public List<IngestToken> list() {
        String sql = "select t.id, t.name, t.all_agents, t.created_by, t.created_at, t.revoked_at, t.all_boards,"
                + " t.assigned_tasks_only, t.demo, a.name from ingest_token t"
                + " left join ingest_token_agent ta on ta.token_id = t.id"
                + " left join agent a on a.id = ta.agent_id order by t.id desc, a.name";
        Map<Long, IngestToken> tokens = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IngestToken token = tokens.computeIfAbsent(rs.getLong(1), k -> read(rs));
                    String agent = rs.getString(10);
                    if (agent != null) {
                        token.addAgent(agent);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select tb.token_id, b.name from ingest_token_board tb"
                    + " join board b on b.id = tb.board_id order by b.name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IngestToken token = tokens.get(rs.getLong(1));
                    if (token != null) {
                        token.addBoard(rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list ingest tokens", e);
        }
        return List.copyOf(tokens.values());
    }

    /** Every board by id, ordered by name, for binding tokens. */
    @Override
    public Map<Long, String> boards() {
        return names("select id, name from board order by name, id");
    }

    /** Every agent by id, ordered by name, for binding tokens. */
    @Override
    public Map<Long, String> agents() {
        return names("select id, name from agent order by name");
    }

    private Map<Long, String> names(String sql) {
        Map<Long, String> names = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list " + sql, e);
        }
        return names;
    }

    private static IngestToken read(ResultSet rs) {
        try {
            return new IngestToken(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                    instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                    new IngestToken.Flags(rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
