package dev.agenttraces.traces.insight.domain;

import java.util.Arrays;

/**
 * What the loop tracker compares of a step's text: its words, case-folded, punctuation dropped. Two texts
 * are near-identical when their word-level edit distance is at most {@code (1 - threshold)} of the longer
 * one's word count (at the default 0.85: at most 3 words in 20 inserted, deleted or replaced).
 *
 * <p>Why words and edit distance: a loop's repeats typically differ in a counter, a line number or a
 * rephrased word or two, which a word edit distance scores as it reads, while character shingles or bag-of-word
 * measures over-reward long shared vocabulary and are harsh on short texts. Cost is kept bounded: only the
 * first {@link #MAX_WORDS} words (within the first {@link #MAX_CHARS} characters) are read at all (a loop's
 * repeats diverge early if they diverge at all), they are hashed for an exact-match shortcut, and the distance
 * is computed in a band of the allowed width only (Ukkonen), so a comparison costs at most {@code MAX_WORDS × band};
 * before it, a 512-bit set of each text's words rules most different pairs out in constant time.
 */
public final class TextFingerprint {

    /** Words beyond this many are not read. */
    public static final int MAX_WORDS = 256;
    /** Characters beyond this many are not read at all. */
    public static final int MAX_CHARS = 20_000;

    private static final int BAG_LONGS = 8;
    private static final int BLOCK = 1024;
    private static final TextFingerprint EMPTY = new TextFingerprint(new int[0], 0, 0L, new long[BAG_LONGS]);

    /** ASCII shortcuts for the per-character checks, which dominate the cost of a fingerprint. */
    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    private final int[] words;
    private final int wordCount;
    private final long exact;
    /** A 512-bit set of the words (by hash), for a constant-time lower bound on the distance. */
    private final long[] bag;

    private TextFingerprint(int[] words, int wordCount, long exact, long[] bag) {
        this.words = words;
        this.wordCount = wordCount;
        this.exact = exact;
        this.bag = bag;
    }

    public static TextFingerprint of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        int limit = Math.min(text.length(), MAX_CHARS);
        int[] buffer = new int[Math.min(MAX_WORDS, limit / 2 + 1)];
        char[] block = new char[Math.min(limit, BLOCK)];
        int kept = 0;
        long exact = 1469598103934665603L;
        long[] bag = new long[BAG_LONGS];
        int word = 0;
        boolean inWord = false;
        // Read in blocks copied out of the string: much cheaper per character than charAt.
        for (int from = 0; from <= limit && kept < buffer.length; from += BLOCK) {
            int length = Math.min(BLOCK, limit - from);
            text.getChars(from, from + length, block, 0);
            for (int i = 0; i <= length && kept < buffer.length; i++) {
                char c = i < length ? block[i] : ' ';
                if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
                    word = word * 31 + (c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c));
                    inWord = true;
                } else if (inWord && (i < length || from + length == limit)) {
                    int h = mix(word);
                    buffer[kept++] = h;
                    exact = (exact ^ h) * 1099511628211L;
                    bag[(h >>> 6) & (BAG_LONGS - 1)] |= 1L << h;
                    word = 0;
                    inWord = false;
                }
            }
        }
        return kept == 0 ? EMPTY : new TextFingerprint(Arrays.copyOf(buffer, kept), kept, exact, bag);
    }

    /** Similarity in [0, 1]: one minus the word edit distance over the longer word count; two empty texts are 1. */
    public double similarity(TextFingerprint other) {
        int longer = Math.max(words.length, other.words.length);
        if (longer == 0 || sameWords(other)) {
            return 1.0;
        }
        return 1.0 - (double) distance(words, other.words, longer) / longer;
    }

    /** Whether the similarity reaches {@code threshold}, computed only as far as needed to tell. */
    public boolean nearIdentical(TextFingerprint other, double threshold) {
        if (sameWords(other)) {
            return true;
        }
        int longer = Math.max(words.length, other.words.length);
        int allowed = (int) Math.floor((1.0 - threshold) * longer + 1e-9);
        if (Math.abs(words.length - other.words.length) > allowed || missingWords(other) > allowed) {
            return false;
        }
        return distance(words, other.words, allowed) <= allowed;
    }

    /**
     * A lower bound on the distance: each bit set for one text and not the other stands for at least one
     * distinct word the other lacks, and each such word costs an edit. Hash collisions only lower the bound.
     */
    private int missingWords(TextFingerprint other) {
        int onlyHere = 0;
        int onlyThere = 0;
        for (int i = 0; i < BAG_LONGS; i++) {
            onlyHere += Long.bitCount(bag[i] & ~other.bag[i]);
            onlyThere += Long.bitCount(other.bag[i] & ~bag[i]);
        }
        return Math.max(onlyHere, onlyThere);
    }

    private boolean sameWords(TextFingerprint other) {
        return exact == other.exact && wordCount == other.wordCount;
    }

    /** Word-level Levenshtein distance if it is at most {@code max}, else some value above {@code max}. */
    static int distance(int[] a, int[] b, int max) {
        int n = a.length;
        int m = b.length;
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int big = max + 1;
        int[] prev = new int[m + 2];
        int[] cur = new int[m + 2];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, big);
        }
        prev[m + 1] = big;
        for (int i = 1; i <= n; i++) {
            int lo = Math.max(1, i - max);
            int hi = Math.min(m, i + max);
            cur[0] = Math.min(i, big);
            cur[lo - 1] = lo == 1 ? cur[0] : big;
            int rowMin = lo == 1 ? cur[0] : big;
            for (int j = lo; j <= hi; j++) {
                int v = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                v = Math.min(v, prev[j] + 1);
                v = Math.min(v, cur[j - 1] + 1);
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            cur[hi + 1] = big;
            if (rowMin > max) {
                return big;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * A hash of the text without its leading and trailing whitespace, so two tool outputs that differ only in a
     * final newline hash the same. It uses {@link String#hashCode()} (vectorised by the JDK) and the length,
     * which is plenty to tell whether a repeated call got the same answer.
     */
    static long contentHash(String text) {
        if (text == null) {
            return 0L;
        }
        String stripped = text.strip();
        return ((long) stripped.hashCode() << 32) ^ stripped.length() ^ 0x9E3779B9L;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
