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
    private final HintScan scan;

    public Redactor(List<RedactionPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.scan = new HintScan(this.patterns);
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
        if (!scan.usable()) {
            for (RedactionPattern p : patterns) {
                out = p.apply(out, count);
            }
            return new Result(out, count[0]);
        }
        long found = scan.found(out);
        for (int p = 0; p < patterns.size(); p++) {
            if (scan.runs(p, found)) {
                String masked = patterns.get(p).replace(out, count);
                if (!masked.equals(out)) {
                    out = masked;
                    found = scan.found(out); // a marker may remove a hint or, for an admin's hint, add one
                }
            }
        }
        return new Result(out, count[0]);
    }
}
