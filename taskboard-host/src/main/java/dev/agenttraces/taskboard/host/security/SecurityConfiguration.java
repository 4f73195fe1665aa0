package dev.agenttraces.taskboard.host.security;

import dev.agenttraces.taskboard.host.infrastructure.TaskboardDataSource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * How people sign in to the host: a Faces login page (the custom form mechanism, so the page is a normal
 * PrimeFaces view) checked against the shared {@code app_user}/{@code user_role} tables, whose passwords
 * are PBKDF2 hashes made by the same {@link Pbkdf2PasswordHash} that seeds them. Which URLs need a login
 * is declared in web.xml; what a signed-in user may see is decided per board by {@link CurrentUser}.
 */
@ApplicationScoped
@DeclareRoles({"ADMIN", "REVIEWER", "VIEWER"})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = TaskboardDataSource.JNDI_NAME,
        callerQuery = "select password_hash from app_user where username = ?",
        groupsQuery = "select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecurityConfiguration {
}
