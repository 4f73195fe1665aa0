package dev.agenttraces.traces.access.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s of the frame tokens already used, each kept until its token expires (after that the
 * token is refused for its expiry anyway). A frame URL carries its token in the query string, where logs,
 * browser history and Referer headers can leak it; used once, it is worth nothing to whoever finds it.
 *
 * <p>Memory is bounded: at {@link #capacity} entries the expired ones are dropped, and if the ledger is still
 * full a new token is refused (fail closed) rather than forgetting one that may still be replayed. Only
 * tokens with a valid host signature get here, so only the host's own issuing rate can fill it.
 */
@ApplicationScoped
public class FrameTokenLedger {

    /** Far above what two-minute tokens for a team's browsers need. */
    static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final int capacity;

    public FrameTokenLedger() {
        this(DEFAULT_CAPACITY);
    }

    FrameTokenLedger(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time {@code jti} is presented (and remembers it until {@code expiresAt}); false after. */
    public boolean firstUse(String jti, Instant expiresAt, Instant now) {
        if (seen.size() >= capacity) {
            dropExpired(now);
            if (seen.size() >= capacity) {
                return false;
            }
        }
        return seen.putIfAbsent(jti, expiresAt) == null;
    }

    int size() {
        return seen.size();
    }

    private void dropExpired(Instant now) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
    }
}
