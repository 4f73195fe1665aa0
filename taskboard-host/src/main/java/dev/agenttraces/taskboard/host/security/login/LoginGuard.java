package dev.agenttraces.taskboard.host.security.login;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * The application's one {@link LoginThrottle}, configured from MicroProfile Config (keys in SECURITY.md,
 * "Configuration"). The identity store consults it before checking a password and reports every
 * outcome; the login page asks it why a sign-in was refused.
 */
@ApplicationScoped
public class LoginGuard {

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.user.free-failures", defaultValue = "5")
    int userFreeFailures;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.address.free-failures", defaultValue = "20")
    int addressFreeFailures;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.user.base-delay-seconds", defaultValue = "2")
    long userBaseDelaySeconds;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.address.base-delay-seconds", defaultValue = "2")
    long addressBaseDelaySeconds;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.max-delay-seconds", defaultValue = "900")
    long maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "taskboard.login.throttle.max-tracked", defaultValue = "10000")
    int maxTracked;

    private LoginThrottle throttle;

    @PostConstruct
    void init() {
        Duration window = Duration.ofSeconds(windowSeconds);
        Duration max = Duration.ofSeconds(maxDelaySeconds);
        throttle = new LoginThrottle(
                new LoginThrottle.Policy(userFreeFailures, window, Duration.ofSeconds(userBaseDelaySeconds), max),
                new LoginThrottle.Policy(addressFreeFailures, window, Duration.ofSeconds(addressBaseDelaySeconds), max),
                maxTracked, Clock.systemUTC());
    }

    public Duration blockedFor(String username, String address) {
        return throttle.blockedFor(username, address);
    }

    public void failed(String username, String address) {
        throttle.failed(username, address);
    }

    public void succeeded(String username) {
        throttle.succeeded(username);
    }
}
