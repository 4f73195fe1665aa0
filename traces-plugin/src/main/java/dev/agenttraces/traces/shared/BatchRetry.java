package dev.agenttraces.traces.shared;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a background job runs one of its batches (a recompute chunk, a retention batch): a batch that lost a deadlock
 * against ingest is simply run again, since it holds no state of its own and commits on its own; after
 * {@link #ATTEMPTS} failures the last one is thrown and fails the job. Each retry is logged at INFO on the job's logger.
 */
public final class BatchRetry {

    public static final int ATTEMPTS = 3;

    private BatchRetry() {
    }

    /** What {@code batch} returns, after at most {@link #ATTEMPTS} tries; {@code retrying} is the log line of each retry. */
    public static <T> T run(Logger log, String retrying, Supplier<T> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batch.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.log(Level.INFO, retrying, e);
            }
        }
    }
}
