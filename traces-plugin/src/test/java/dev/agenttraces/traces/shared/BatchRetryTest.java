package dev.agenttraces.traces.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchRetryTest {

    private final Logger log = Logger.getLogger(BatchRetryTest.class.getName());
    private final List<LogRecord> records = new ArrayList<>();

    {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void aBatchThatFailsTwiceIsRunAThirdTimeAndEachRetryIsLogged() {
        AtomicInteger tries = new AtomicInteger();
        String result = BatchRetry.run(log, "Retrying a batch", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException("deadlock " + tries.get());
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(tries).hasValue(3);
        assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.INFO, Level.INFO);
        assertThat(records).extracting(LogRecord::getMessage).containsOnly("Retrying a batch");
        assertThat(records.get(1).getThrown()).hasMessage("deadlock 2");
    }

    @Test
    void theThirdFailureIsThrownAndNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> BatchRetry.run(log, "Retrying a batch", () -> {
            throw new IllegalStateException("deadlock " + tries.incrementAndGet());
        })).hasMessage("deadlock 3");
        assertThat(tries).hasValue(BatchRetry.ATTEMPTS);
        assertThat(records).hasSize(2);
    }
}
