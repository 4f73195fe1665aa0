package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.CanonicalJson;

/**
 * Lays canonical JSON out one member or element a line, indented by two spaces, so a line diff of two
 * calls' arguments shows which members changed. Text that is not JSON is returned whitespace-normalised.
 *
 * <p>Indentation costs up to two spaces per level on every line, so the layout of JSON nested
 * {@link CanonicalJson#MAX_DEPTH} deep is up to about 130 times as long as its input. {@link TextDiff} reads only
 * its first {@link TextDiff#MAX_CHARS} characters, so the layout stops just past that ({@link #LIMIT}): the
 * diff still sees that the side was cut, and a megabyte of arguments never becomes a hundred.
 */
final class JsonLayout {

    /** The layout stops once it is longer than this: one character past what {@link TextDiff} compares. */
    static final int LIMIT = TextDiff.MAX_CHARS + 1;

    private JsonLayout() {
    }

    static String indent(String json) {
        if (json == null) {
            return "";
        }
        String canonical = CanonicalJson.canonicalise(json);
        if (!CanonicalJson.isJson(json)) {
            return canonical.length() > LIMIT ? canonical.substring(0, LIMIT) : canonical;
        }
        StringBuilder out = new StringBuilder(Math.min(canonical.length() * 2, LIMIT + 2 * CanonicalJson.MAX_DEPTH + 2));
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < canonical.length() && out.length() <= LIMIT; i++) {
            char c = canonical.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(canonical.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char next = canonical.charAt(i + 1);
                    if (next == '}' || next == ']') {
                        out.append(c).append(next);
                        i++;
                    } else {
                        out.append(c);
                        newline(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newline(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.length() > LIMIT ? out.substring(0, LIMIT) : out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
