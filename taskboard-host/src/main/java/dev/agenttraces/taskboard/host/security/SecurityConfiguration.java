package dev.agenttraces.taskboard.host.security;

import dev.agenttraces.taskboard.host.security.login.HostIdentityStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How people sign in to the host: a Faces login page (the custom form mechanism, so the page is a normal
 * PrimeFaces view) checked by {@link HostIdentityStore} against the shared {@code app_user}/{@code user_role}
 * tables, whose passwords are PBKDF2 hashes. Which URLs need a login is declared in web.xml; what a
 * signed-in user may see is decided per board by {@link CurrentUser}.
 */
@ApplicationScoped
@DeclareRoles({"ADMIN", "REVIEWER", "VIEWER"})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
public class SecurityConfiguration {
}
