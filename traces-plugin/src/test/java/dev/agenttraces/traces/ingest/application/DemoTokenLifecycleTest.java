package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.IngestToken;
import dev.agenttraces.traces.ingest.domain.IngestTokenRepository;
import dev.agenttraces.traces.ingest.domain.NewToken;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9, finding 9: the demo token is flagged demo and stops working once demo mode is off. */
class DemoTokenLifecycleTest {

    /** Tokens in a list: hash, demo flag, revoked flag. */
    static final class Tokens implements IngestTokenRepository {
        record Row(NewToken token, boolean[] revoked) {
        }

        final List<Row> rows = new ArrayList<>();

        @Override
        public Optional<TokenScope> findActive(String hash) {
            return rows.stream().filter(r -> r.token().hash().equals(hash) && !r.revoked()[0])
                    .map(r -> TokenScope.everything(1, r.token().name())).findFirst();
        }

        @Override public boolean exists(String hash) { return rows.stream().anyMatch(r -> r.token().hash().equals(hash)); }
        @Override public long insert(NewToken token) { rows.add(new Row(token, new boolean[1])); return rows.size(); }
        @Override public void revoke(long id) { rows.get((int) id - 1).revoked()[0] = true; }
        @Override public List<IngestToken> list() { return List.of(); }
        @Override public Map<Long, String> agents() { return Map.of(); }
        @Override public Map<Long, String> boards() { return Map.of(); }

        @Override
        public int revokeDemoTokens(String keepHash) {
            int n = 0;
            for (Row r : rows) {
                if (r.token().demo() && !r.revoked()[0] && !r.token().hash().equals(keepHash)) {
                    r.revoked()[0] = true;
                    n++;
                }
            }
            return n;
        }
    }

    private final Tokens repository = new Tokens();
    private final IngestTokens tokens = new IngestTokens();

    {
        tokens.repository = repository;
    }

    @Test
    void theDemoTokenIsFlaggedDemoAndRevokedWhenDemoModeIsOff() {
        tokens.ensureDemo("demo-ingest-token", "Demo");
        assertThat(repository.rows).singleElement().satisfies(r -> assertThat(r.token().demo()).isTrue());
        assertThat(tokens.authenticate("demo-ingest-token")).isNotNull();

        tokens.ensureDemo("demo-ingest-token", "Demo");
        assertThat(repository.rows).as("idempotent across restarts").hasSize(1);

        assertThat(tokens.ensureDemo(null, "Demo")).isEqualTo(1);
        assertThat(repository.findActive(IngestTokens.hash("demo-ingest-token"))).isEmpty();
    }

    @Test
    void aChangedDemoValueRevokesTheOldOneAndAdminTokensAreLeftAlone() {
        repository.insert(new NewToken("agent", "h", false, List.of(1L), false, List.of(2L), false, false, "admin"));
        tokens.ensureDemo("old", "Demo");
        tokens.ensureDemo("new", "Demo");
        assertThat(repository.findActive(IngestTokens.hash("old"))).isEmpty();
        assertThat(repository.findActive(IngestTokens.hash("new"))).isPresent();
        tokens.ensureDemo(null, "Demo");
        assertThat(repository.findActive("h")).as("an admin's token is not demo").isPresent();
    }
}
