package dev.agenttraces.traces.insight.domain;

import java.util.Objects;

/**
 * The canonical text of a JSON value, so that two tool calls whose arguments differ only in key order,
 * insignificant whitespace, string escapes or number formatting compare equal as plain strings.
 *
 * <p>Object keys are sorted by UTF-16 code units (as RFC 8785 does) and a repeated key keeps its last
 * value (as JSON-P does); strings are decoded and re-escaped minimally; numbers are compared by value
 * ({@code 1}, {@code 1.0}, {@code 1e0} and {@code 10E-1} all become {@code 1}). Text that is not JSON, or
 * nests deeper than {@link #MAX_DEPTH}, falls back to {@link #normaliseWhitespace(String)}, which still
 * makes whitespace-only differences disappear. The parser is a recursive descent bounded by that depth, so it
 * cannot overflow the stack; its time is linear in the input apart from sorting each object's keys.
 */
public final class CanonicalJson {

    /** Containers nested deeper than this are compared as whitespace-normalised text instead. */
    public static final int MAX_DEPTH = 64;

    private CanonicalJson() {
    }

    /** The canonical form of {@code json}, or its whitespace-normalised text when it is not JSON; null stays null. */
    public static String canonicalise(String json) {
        if (json == null) {
            return null;
        }
        try {
            return new CanonicalJsonParser(json).document();
        } catch (CanonicalJsonParser.NotJson e) {
            return normaliseWhitespace(json);
        }
    }

    /** Whether {@code json} parses as one JSON value within {@link #MAX_DEPTH}. */
    public static boolean isJson(String json) {
        if (json == null) {
            return false;
        }
        try {
            new CanonicalJsonParser(json).document();
            return true;
        } catch (CanonicalJsonParser.NotJson e) {
            return false;
        }
    }

    /** Whether two texts have the same canonical form. */
    public static boolean equivalent(String a, String b) {
        return Objects.equals(canonicalise(a), canonicalise(b));
    }

    /** Trims the text and folds every run of whitespace into one space. */
    public static String normaliseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends {@code value} as a JSON string with only the escapes JSON requires. */
    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
