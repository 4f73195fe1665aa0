package dev.agenttraces.it.support;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.Base64;

/**
 * Host users for the HTTP and browser suites, written straight into app_user/user_role/board_member with
 * a password hash in the exact format Jakarta Security's Pbkdf2PasswordHash reads
 * ({@code PBKDF2WithHmacSHA256:2048:<base64 salt>:<base64 hash>}, 32-byte salt and key), so the real
 * login page and identity store are exercised. Usernames should come from {@link Fixtures#unique}.
 */
public final class Users {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Users() {
    }

    /** Creates a user with one role (ADMIN, REVIEWER or VIEWER) and returns its id. */
    public static long create(String username, String password, String role) {
        try (Connection c = TestDatabase.connect()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into app_user (username, display_name, password_hash) values (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, username);
                ps.setString(2, username);
                ps.setString(3, hash(password));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong("id");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into user_role (user_id, role) values (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, role);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create user " + username, e);
        }
    }

    /**
     * Makes sure a user with this role exists (the plugin reads roles from the shared tables, never
     * from the token), creating it once per database.
     */
    public static synchronized void ensure(String username, String role) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select 1 from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up user " + username, e);
        }
        create(username, UUID.randomUUID().toString(), role);
    }

    /**
     * A user who signs in with {@code password}, named {@code prefix} and a random suffix, a member of
     * {@code boardId}; returns the username.
     */
    public static String member(String prefix, String password, String role, long boardId) {
        String username = Fixtures.unique(prefix).replace(' ', '-');
        addToBoard(create(username, password, role), boardId);
        return username;
    }

    public static void addToBoard(long userId, long boardId) {
        TestDatabase.update("insert into board_member (board_id, user_id) values (?, ?)", boardId, userId);
    }

    /** Takes a role away from a user in the shared tables, as an admin of the host would (mid-session, in tests). */
    public static void removeRole(String username, String role) {
        if (TestDatabase.update("delete from user_role where role = ? and user_id = (select id from app_user where username = ?)",
                role, username) != 1) {
            throw new IllegalStateException(username + " had no role " + role);
        }
    }

    static String hash(String password) {
        try {
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 2048, 32 * 8))
                    .getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:2048:" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
