package dev.agenttraces.traces.trace.domain;

/**
 * The step an OTLP span is already stored as: its seq (the span's first step; the span's other steps hang
 * under it) and the hash of the whole span as it was sent, so a re-sent span is recognised as a duplicate
 * and a changed one can be replaced without counting its tokens twice.
 */
public record StoredSpan(int seq, String hash) {
}
