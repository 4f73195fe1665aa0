package dev.agenttraces.taskboard.host.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing down, per username and per client address. Each key may fail a few times
 * freely; every further failure while the key is "hot" (its last failure less than a window ago) blocks
 * it for twice as long as the one before, up to a ceiling. A blocked key is refused without the password
 * being checked at all, so guessing through a block learns nothing. A success forgets the username's
 * failures, never the address's: one valid account must not reset an address that guesses at others.
 * <p>
 * State is in memory, bounded by {@code maxTracked} keys per kind (stale keys are dropped first; when
 * still full, new keys go untracked rather than evicting hot ones), and per server instance.
 */
public final class LoginThrottle {

    /** How one kind of key (usernames or addresses) is throttled. */
    public record Policy(int freeFailures, Duration window, Duration baseDelay, Duration maxDelay) {
    }

    private final Policy userPolicy;
    private final Policy addressPolicy;
    private final int maxTracked;
    private final Clock clock;
    private final Map<String, Failures> users = new HashMap<>();
    private final Map<String, Failures> addresses = new HashMap<>();

    public LoginThrottle(Policy userPolicy, Policy addressPolicy, int maxTracked, Clock clock) {
        this.userPolicy = userPolicy;
        this.addressPolicy = addressPolicy;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /** How long sign-in stays refused for this username or address; zero when it may be tried now. */
    public synchronized Duration blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(userKey(username)), now);
        Duration addr = remaining(addresses.get(address), now);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    /** Records a wrong password (or unknown user) for both keys. */
    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        record(users, userKey(username), userPolicy, now);
        record(addresses, address, addressPolicy, now);
    }

    /** Forgets the username's failures after a correct password. */
    public synchronized void succeeded(String username) {
        users.remove(userKey(username));
    }

    private void record(Map<String, Failures> map, String key, Policy policy, Instant now) {
        if (key == null) {
            return;
        }
        Failures f = map.get(key);
        if (f == null || f.lastAt.plus(policy.window()).isBefore(now)) {
            if (f == null && map.size() >= maxTracked && !purgeStale(map, policy, now)) {
                return;
            }
            f = new Failures();
            map.put(key, f);
        }
        f.count++;
        f.lastAt = now;
        int over = f.count - policy.freeFailures();
        if (over > 0) {
            f.blockedUntil = now.plus(delay(policy, over));
        }
    }

    /** baseDelay × 2^(over − 1), capped at maxDelay (and safe from overflow). */
    static Duration delay(Policy policy, int over) {
        int doublings = Math.min(over - 1, 30);
        Duration d = policy.baseDelay().multipliedBy(1L << doublings);
        return d.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : d;
    }

    /** Drops keys that are neither hot nor blocked; true when there is room for a new one afterwards. */
    private boolean purgeStale(Map<String, Failures> map, Policy policy, Instant now) {
        map.values().removeIf(f -> f.lastAt.plus(policy.window()).isBefore(now) && !f.blockedUntil.isAfter(now));
        return map.size() < maxTracked;
    }

    private static Duration remaining(Failures f, Instant now) {
        return f == null || !f.blockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, f.blockedUntil);
    }

    /** Usernames compare as the login does not care about case or padding; overlong ones are cut. */
    private static String userKey(String username) {
        if (username == null) {
            return null;
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private static final class Failures {
        int count;
        Instant lastAt;
        Instant blockedUntil = Instant.MIN;
    }
}
