package dev.agenttraces.taskboard.host.security.login;

import dev.agenttraces.taskboard.host.infrastructure.TaskboardDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks host passwords against the shared {@code app_user}/{@code user_role} tables. It replaces the
 * container's database identity store for four reasons the annotation cannot express: a throttled
 * username or address is refused before any hash is computed ({@link LoginGuard}); a correct password
 * whose stored hash is weaker than today's ({@link PasswordHashes#needsRehash}) is re-hashed on the
 * spot; demo accounts only sign in while demo mode is on; and an unknown username costs as much time
 * as a wrong password, so response times do not reveal which usernames exist.
 */
@ApplicationScoped
public class HostIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(HostIdentityStore.class.getName());

    @Resource(lookup = TaskboardDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    LoginGuard guard;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "taskboard.demo-data.enabled", defaultValue = "false")
    boolean demoMode;

    private final PasswordHashes hashes = new PasswordHashes();
    private final String decoy = hashes.hash("decoy".toCharArray());

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        String address = request.getRemoteAddr();
        if (username == null || !guard.blockedFor(username, address).isZero()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        try (Connection c = dataSource.getConnection()) {
            StoredUser user = find(c, username);
            boolean valid = hashes.verify(login.getPassword().getValue(), user == null ? decoy : user.hash)
                    && user != null;
            if (valid && user.demo && !demoMode) {
                LOG.warning(() -> "Refused demo account '" + username + "': demo mode is off");
                valid = false;
            }
            if (!valid) {
                guard.failed(username, address);
                return CredentialValidationResult.INVALID_RESULT;
            }
            guard.succeeded(username);
            if (hashes.needsRehash(user.hash)) {
                rehash(c, user, login.getPassword().getValue());
            }
            return new CredentialValidationResult(username, roles(c, user.id));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the user table", e);
        }
    }

    private record StoredUser(long id, String hash, boolean demo) {
    }

    private static StoredUser find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, password_hash, demo from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StoredUser(rs.getLong(1), rs.getString(2), rs.getBoolean(3)) : null;
            }
        }
    }

    private static Set<String> roles(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select role from user_role where user_id = ?")) {
            ps.setLong(1, userId);
            Set<String> roles = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return roles;
        }
    }

    /** Only replaces the hash it verified, so a password changed meanwhile is never overwritten. */
    private void rehash(Connection c, StoredUser user, char[] password) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update app_user set password_hash = ? where id = ? and password_hash = ?")) {
            ps.setString(1, hashes.hash(password));
            ps.setLong(2, user.id);
            ps.setString(3, user.hash);
            ps.executeUpdate();
        }
    }
}
