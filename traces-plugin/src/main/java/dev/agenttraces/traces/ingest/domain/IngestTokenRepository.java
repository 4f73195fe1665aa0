package dev.agenttraces.traces.ingest.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where ingest tokens are kept: only a token's SHA-256 is stored, with the agents it may write for.
 */
public interface IngestTokenRepository {

    Optional<TokenScope> findActive(String tokenHash);

    boolean exists(String tokenHash);

    long insert(String name, String tokenHash, boolean allAgents, Collection<Long> agentIds, String createdBy);

    void revoke(long id);

    List<IngestToken> list();

    Map<Long, String> agents();
}
