package dev.agenttraces.traces.trace.domain;


import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One validated step, already normalised to the stored token convention (input excludes cached), so
 * the same step sent under either client convention hashes the same and is recognised as a replay.
 */
public record StepInput(int seq, StepType type, String content, String toolName, String toolInput,
                        String toolOutput, String model, TokenCounts tokens, Instant startedAt, Long durationMs) {

    /**
     * SHA-256 (hex) of every stored field in a fixed order, each field length-prefixed so that no two
     * different steps can produce the same canonical text.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, String.valueOf(seq));
        append(canonical, type.name());
        append(canonical, content);
        append(canonical, toolName);
        append(canonical, toolInput);
        append(canonical, toolOutput);
        append(canonical, model);
        append(canonical, tokens.input() + "/" + tokens.output() + "/" + tokens.cachedInput() + "/" + tokens.reasoning());
        append(canonical, startedAt.toString());
        append(canonical, durationMs == null ? null : durationMs.toString());
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
