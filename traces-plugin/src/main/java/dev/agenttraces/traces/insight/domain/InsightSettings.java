package dev.agenttraces.traces.insight.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The detectors' settings. Stored flags carry {@link #fingerprint()}, so a trace whose stored fingerprint
 * differs from the current one is known to need its flags recomputed (after a settings change, or after a
 * change of the detectors themselves, which bumps {@link #DETECTOR_VERSION}).
 *
 * @param minRepetitions      how many times a cycle must occur to be a loop (at least 2)
 * @param similarityThreshold the word-bigram Jaccard similarity from which two texts are near-identical (0..1]
 * @param maxCycleLength      the longest cycle, in steps, the loop tracker looks for (1..64)
 * @param mutatingToolPattern a regular expression matched, whole and case-insensitively, against each word
 *                            of a tool name ({@code write_file}, {@code writeFile} → {@code write}, {@code file});
 *                            a tool with a matching word may change what other tools see
 * @param topSteps            how many of the most expensive steps to keep (0..1000)
 */
public record InsightSettings(int minRepetitions, double similarityThreshold, int maxCycleLength,
                              String mutatingToolPattern, int topSteps) {

    /** Bumped whenever a detector's rule changes, so stored flags from an older rule are recomputed. */
    public static final int DETECTOR_VERSION = 1;

    public static final int DEFAULT_MIN_REPETITIONS = 3;
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.85;
    public static final int DEFAULT_MAX_CYCLE_LENGTH = 6;
    public static final int DEFAULT_TOP_STEPS = 10;
    public static final String DEFAULT_MUTATING_TOOL_PATTERN =
            "write|edit|create|update|delete|remove|rm|move|mv|rename|replace|insert|patch|apply|set|put|post"
                    + "|send|run|exec|execute|bash|shell|terminal|command|commit|push|merge|install|deploy|save"
                    + "|upload|submit|click|type|fill|press";

    public InsightSettings {
        if (minRepetitions < 2) {
            throw new IllegalArgumentException("minRepetitions must be at least 2");
        }
        if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
            throw new IllegalArgumentException("similarityThreshold must be in (0, 1]");
        }
        if (maxCycleLength < 1 || maxCycleLength > 64) {
            throw new IllegalArgumentException("maxCycleLength must be in 1..64");
        }
        if (topSteps < 0 || topSteps > 1000) {
            throw new IllegalArgumentException("topSteps must be in 0..1000");
        }
        try {
            Pattern.compile(mutatingToolPattern);
        } catch (PatternSyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("mutatingToolPattern is not a regular expression", e);
        }
    }

    public static InsightSettings defaults() {
        return new InsightSettings(DEFAULT_MIN_REPETITIONS, DEFAULT_SIMILARITY_THRESHOLD, DEFAULT_MAX_CYCLE_LENGTH,
                DEFAULT_MUTATING_TOOL_PATTERN, DEFAULT_TOP_STEPS);
    }

    public InsightSettings withMinRepetitions(int value) {
        return new InsightSettings(value, similarityThreshold, maxCycleLength, mutatingToolPattern, topSteps);
    }

    public InsightSettings withSimilarityThreshold(double value) {
        return new InsightSettings(minRepetitions, value, maxCycleLength, mutatingToolPattern, topSteps);
    }

    public InsightSettings withMaxCycleLength(int value) {
        return new InsightSettings(minRepetitions, similarityThreshold, value, mutatingToolPattern, topSteps);
    }

    public InsightSettings withMutatingToolPattern(String value) {
        return new InsightSettings(minRepetitions, similarityThreshold, maxCycleLength, value, topSteps);
    }

    public InsightSettings withTopSteps(int value) {
        return new InsightSettings(minRepetitions, similarityThreshold, maxCycleLength, mutatingToolPattern, value);
    }

    /** Every setting and the detector version, in a fixed order: what the fingerprint hashes. */
    public String canonicalText() {
        return String.format(Locale.ROOT, "insights/v%d;min-repetitions=%d;similarity-threshold=%s;max-cycle-length=%d;"
                        + "top-steps=%d;mutating-tool-pattern=%s", DETECTOR_VERSION, minRepetitions,
                java.math.BigDecimal.valueOf(similarityThreshold).stripTrailingZeros().toPlainString(),
                maxCycleLength, topSteps, mutatingToolPattern);
    }

    /** 16 hex characters (the first 64 bits of the SHA-256 of {@link #canonicalText()}), short enough for a column. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
