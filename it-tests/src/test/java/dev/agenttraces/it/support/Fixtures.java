package dev.agenttraces.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Rows the tests need, written straight into the shared database so each test owns its data and no
 * test depends on the order others ran in. Names carry a random suffix to stay unique.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long board(String name) {
        return insert("insert into board (name) values (?)", name);
    }

    public static long agent(String name, String model, String provider) {
        return insert("insert into agent (name, model, provider) values (?, ?, ?)", name, model, provider);
    }

    /**
     * A user who is a member of the given boards, for tests that reach the plugin with a minted host
     * token and never sign in (the password is random and unknown). Tests that sign in use {@link Users}.
     */
    public static long user(String username, String role, long... boardIds) {
        long id = Users.create(username, UUID.randomUUID().toString(), role);
        for (long board : boardIds) {
            Users.addToBoard(id, board);
        }
        return id;
    }

    /** As {@link #user}, with a fresh name made of {@code prefix} and a random suffix; returns the username. */
    public static String member(String prefix, String role, long... boardIds) {
        String username = unique(prefix).replace(' ', '-');
        user(username, role, boardIds);
        return username;
    }

    /** A task the agent has finished, waiting in Review. */
    public static long reviewedTask(long boardId, long agentId, String title, String output) {
        return insert("insert into task (board_id, title, description, status, requires_approval, output, assignee_agent_id, completed_at)"
                + " values (?, ?, 'Fixture task', 'REVIEW', true, ?, ?, current_timestamp)", boardId, title, output, agentId);
    }

    private static long insert(String sql, Object... params) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
