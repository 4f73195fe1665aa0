package dev.agenttraces.traces.ingest.domain;

import java.util.List;

/**
 * Masks secrets in untrusted text with an ordered list of {@link RedactionPattern}s (a later pattern sees the
 * earlier ones' markers, which no default matches). Pure and thread-safe: a {@link java.util.regex.Pattern}
 * is, and each call makes its own matchers.
 */
public final class Redactor {

    /** A redactor that changes nothing (redaction switched off). */
    public static final Redactor NONE = new Redactor(List.of());

    /** The masked text and how many secrets were masked in it. */
    public record Result(String text, int count) {
    }

    private final List<RedactionPattern> patterns;

    public Redactor(List<RedactionPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public List<RedactionPattern> patterns() {
        return patterns;
    }

    public boolean isActive() {
        return !patterns.isEmpty();
    }

    public Result redact(String text) {
        if (text == null || text.isEmpty() || patterns.isEmpty()) {
            return new Result(text, 0);
        }
        int[] count = {0};
        String out = text;
        for (RedactionPattern p : patterns) {
            out = p.apply(out, count);
        }
        return new Result(out, count[0]);
    }
}
