package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.security.login.LoginGuard;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * The login screen. Hands the credentials to Jakarta Security, which checks them against the hashed
 * passwords and, when the user was sent here from another page, takes them back to it. A refusal while
 * the throttle holds the username or address back says so, and for how long.
 */
@Named
@ViewScoped
public class LoginPage implements Serializable {

    /** Transient (not known to serialize), so looked up again in a view that came from another server. */
    @Inject
    transient SecurityContext security;

    @Inject
    LoginGuard guard;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (security == null) {
            security = CDI.current().select(SecurityContext.class).get();
        }
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password == null ? "" : password))));
        password = null;
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (status == AuthenticationStatus.SUCCESS && request.getSession(false) != null) {
            request.changeSessionId(); // a session id known before the login must not be the signed-in one
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/");
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refusal(request.getRemoteAddr()), null));
        }
    }

    /** Says when to try again once the throttle holds this username or address back. */
    private String refusal(String address) {
        Duration blocked = username == null ? Duration.ZERO : guard.blockedFor(username, address);
        if (blocked.isZero()) {
            return "Wrong username or password.";
        }
        long seconds = Math.max(1, blocked.toSeconds() + (blocked.toMillisPart() > 0 ? 1 : 0));
        return "Too many failed sign-ins for this account or from this address. Try again in " + seconds
                + (seconds == 1 ? " second." : " seconds.");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
