package dev.agenttraces.traces.ingest.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where ingest tokens are kept: only a token's SHA-256 is stored, with the agents and boards it may
 * write for.
 */
public interface IngestTokenRepository {

    Optional<TokenScope> findActive(String tokenHash);

    boolean exists(String tokenHash);

    long insert(NewToken token);

    void revoke(long id);

    /** Revokes every active demo token except the one with {@code keepHash} (null: all); returns how many. */
    int revokeDemoTokens(String keepHash);

    List<IngestToken> list();

    Map<Long, String> agents();

    Map<Long, String> boards();
}
