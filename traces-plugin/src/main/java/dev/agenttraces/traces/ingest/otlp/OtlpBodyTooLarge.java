package dev.agenttraces.traces.ingest.otlp;

/**
 * The body, or what it decompresses to, is larger than the configured limit: 413. Raised while inflating, so a
 * small gzip bomb is stopped at the limit instead of filling the heap.
 */
public final class OtlpBodyTooLarge extends OtlpBodyRefused {

    private final long limit;

    public OtlpBodyTooLarge(long limit) {
        super("The decoded request body is larger than " + limit + " bytes; export fewer spans per request.", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public int httpStatus() {
        return 413;
    }
}
