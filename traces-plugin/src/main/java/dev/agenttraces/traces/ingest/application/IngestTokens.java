package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.IngestTokenRepository;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.shared.StorableUnicode;

import dev.agenttraces.traces.ingest.domain.IngestToken;
import dev.agenttraces.traces.ingest.domain.NewToken;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Issues, checks and revokes the Bearer tokens agents ingest with. Tokens carry 256 random bits, so a
 * plain SHA-256 is enough to store them safely (no salt or slow hash is needed against guessing).
 */
@ApplicationScoped
public class IngestTokens {

    private static final String PREFIX = "at_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IngestTokenRepository repository;

    /** The scope of a presented token; a missing, unknown or revoked token is a 401. */
    public TokenScope authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw Rejection.unauthorized("Send an ingest token as 'Authorization: Bearer <token>'.");
        }
        return repository.findActive(hash(token.strip()))
                .orElseThrow(() -> Rejection.unauthorized("The ingest token is unknown or revoked."));
    }

    /** What an admin asks for: a named token bound to agents and boards. */
    public record Request(String name, boolean allAgents, Collection<Long> agentIds, boolean allBoards,
                          Collection<Long> boardIds, boolean assignedTasksOnly) {
    }

    /** Creates a token and returns its clear value, which is never stored and cannot be shown again. */
    public String create(Request request, String createdBy) {
        if (request.name() == null || request.name().isBlank()) {
            throw Rejection.invalid("name", "A token needs a name.");
        }
        if (request.name().strip().length() > 200) {
            throw Rejection.invalid("name", "A token's name has at most 200 characters.");
        }
        String unstorable = StorableUnicode.problem(request.name());
        if (unstorable != null) {
            throw Rejection.invalid("name", "The name " + unstorable + ".");
        }
        if (!request.allAgents() && (request.agentIds() == null || request.agentIds().isEmpty())) {
            throw Rejection.invalid("agents", "Bind the token to at least one agent, or to all agents.");
        }
        if (!request.allBoards() && (request.boardIds() == null || request.boardIds().isEmpty())) {
            throw Rejection.invalid("boards", "Bind the token to at least one board, or to all boards.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insert(new NewToken(request.name().strip(), hash(token), request.allAgents(),
                request.allAgents() ? Set.of() : request.agentIds(), request.allBoards(),
                request.allBoards() ? Set.of() : request.boardIds(), request.assignedTasksOnly(), false, createdBy));
        return token;
    }

    /**
     * Demo mode: makes sure a demo token with exactly this value exists for all agents and boards, and
     * revokes any other demo token (an old value). With {@code token} null (demo mode off), revokes every
     * demo token, so the documented demo value stops working on a database that outlives the demo.
     * Returns how many demo tokens were revoked.
     */
    public int ensureDemo(String token, String name) {
        String hash = token == null ? null : hash(token);
        int revoked = repository.revokeDemoTokens(hash);
        if (hash != null && !repository.exists(hash)) {
            repository.insert(new NewToken(name, hash, true, Set.of(), true, Set.of(), false, true, "system"));
        }
        return revoked;
    }

    public void revoke(long id) {
        repository.revoke(id);
    }

    public List<IngestToken> list() {
        return repository.list();
    }

    /** Boards a token can be bound to: id to name, by name. */
    public java.util.Map<Long, String> boards() {
        return repository.boards();
    }

    /** Agents a token can be bound to: id to name, by name. */
    public java.util.Map<Long, String> agents() {
        return repository.agents();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
