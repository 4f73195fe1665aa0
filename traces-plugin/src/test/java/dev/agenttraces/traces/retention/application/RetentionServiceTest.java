package dev.agenttraces.traces.retention.application;

import dev.agenttraces.traces.retention.domain.BoardPolicy;
import dev.agenttraces.traces.retention.domain.Removable;
import dev.agenttraces.traces.retention.domain.RemovedBatch;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionPreview;
import dev.agenttraces.traces.retention.domain.RetentionRepository;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.retention.domain.RetentionRunLog;
import dev.agenttraces.traces.shared.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's loop over boards and batches, and the preview, against in-memory ports. */
class RetentionServiceTest {

    /** Board 1 uses the global period, board 2 keeps 5 days, board 3 keeps forever; each has old traces left. */
    private final Map<Long, Integer> left = new HashMap<>(Map.of(1L, 7, 2L, 3, 3L, 4));
    private final List<String> batches = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private boolean runningElsewhere;

    private RetentionService service(int globalDays, int batchSize) {
        RetentionSettings settings = new RetentionSettings();
        settings.days = globalDays;
        settings.batchSize = batchSize;
        settings.abandonedAfterSeconds = 600;
        RetentionService service = new RetentionService();
        service.settings = settings;
        service.repository = new Repository();
        service.runs = new RunLog();
        return service;
    }

    @Test
    void aScheduledRunRemovesEachBoardInBatchesUntilABatchComesBackShort() {
        service(30, 3).runScheduled();
        String global = cutoff(30);
        String own = cutoff(5);
        assertThat(batches).containsExactly("1<" + global, "1<" + global, "1<" + global, "2<" + own, "2<" + own);
        assertThat(left).containsEntry(1L, 0).containsEntry(2L, 0).containsEntry(3L, 4);
        assertThat(log).containsExactly("start schedule", "progress 3", "progress 3", "progress 1", "progress 3",
                "progress 0", "finish");
    }

    @Test
    void nothingRunsWhileNoPeriodIsInForce() {
        left.clear();
        RetentionService service = service(0, 500);
        ((Repository) service.repository).policies = List.of(new BoardPolicy(1, "A", null), new BoardPolicy(3, "C", 0));
        service.runScheduled();
        assertThat(log).isEmpty();
    }

    @Test
    void aRunningRunElsewhereIsLeftAlone() {
        runningElsewhere = true;
        service(30, 500).runScheduled();
        assertThat(batches).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void thePreviewGivesEveryBoardItsCutoffOrKeepsItForever() {
        List<RetentionPreview> preview = service(30, 500).preview(Instant.now());
        assertThat(preview).extracting(RetentionPreview::days).containsExactly(30, 5, 0);
        assertThat(preview.get(0).removable().traces()).isEqualTo(7);
        assertThat(preview.get(2).keptForever()).isTrue();
        assertThat(preview.get(2).removable()).isEqualTo(Removable.NOTHING);
    }

    @Test
    void aBoardPeriodOutsideTheRangeIsRefused() {
        RetentionService service = service(0, 500);
        assertThatThrownBy(() -> service.setBoardDays(1, -1, "admin")).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).kind()).isEqualTo(Rejection.Kind.INVALID);
        assertThatThrownBy(() -> service.setBoardDays(99, 10, "admin")).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
    }

    private static String cutoff(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private final class Repository implements RetentionRepository {
        List<BoardPolicy> policies = List.of(new BoardPolicy(1, "A", null), new BoardPolicy(2, "B", 5),
                new BoardPolicy(3, "C", 0));

        @Override
        public List<BoardPolicy> boards() {
            return policies;
        }

        @Override
        public boolean setDays(long boardId, Integer days, String by) {
            return policies.stream().anyMatch(p -> p.boardId() == boardId);
        }

        @Override
        public Removable removable(long boardId, Instant cutoff) {
            return new Removable(left.get(boardId), 0, BigDecimal.ZERO, 0, null);
        }

        @Override
        public RemovedBatch removeBatch(long boardId, Instant cutoff, int limit) {
            batches.add(boardId + "<" + cutoff);
            int n = Math.min(limit, left.get(boardId));
            left.put(boardId, left.get(boardId) - n);
            return new RemovedBatch(n, n, BigDecimal.ZERO);
        }
    }

    private final class RunLog implements RetentionRunLog {
        @Override
        public long start(String startedBy) {
            if (runningElsewhere) {
                throw new RetentionAlreadyRunning();
            }
            log.add("start " + startedBy);
            return 1;
        }

        @Override
        public int failAbandoned(Instant silentSince) {
            return 0;
        }

        @Override
        public void progress(long id, RemovedBatch batch) {
            log.add("progress " + batch.traces());
        }

        @Override
        public void finish(long id) {
            log.add("finish");
        }

        @Override
        public void fail(long id, String error) {
            log.add("fail " + error);
        }

        @Override
        public Optional<RetentionRun> latest() {
            return Optional.empty();
        }
    }
}
