package dev.agenttraces.taskboard.host.security.login;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;

/**
 * The application's one {@link LoginThrottle}, configured from MicroProfile Config (keys in SECURITY.md,
 * "Configuration"): {@code taskboard.login.throttle.user.*} and {@code taskboard.login.throttle.address.*}
 * for the two kinds of key, plus a shared window, ceiling and size bound. The identity store consults
 * it before checking a password and reports every outcome; the login page asks it why a sign-in was refused.
 */
@ApplicationScoped
public class LoginGuard {

    private static final String PREFIX = "taskboard.login.throttle.";

    @Inject
    Config config;

    private LoginThrottle throttle;

    @PostConstruct
    void init() {
        Duration window = Duration.ofSeconds(value("window-seconds", 900));
        Duration max = Duration.ofSeconds(value("max-delay-seconds", 900));
        throttle = new LoginThrottle(policy("user.", 5, window, max), policy("address.", 20, window, max),
                (int) value("max-tracked", 10_000), Clock.systemUTC());
    }

    private LoginThrottle.Policy policy(String kind, int freeFailures, Duration window, Duration max) {
        return new LoginThrottle.Policy((int) value(kind + "free-failures", freeFailures), window,
                Duration.ofSeconds(value(kind + "base-delay-seconds", 2)), max);
    }

    private long value(String key, long defaultValue) {
        return config.getOptionalValue(PREFIX + key, Long.class).orElse(defaultValue);
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
