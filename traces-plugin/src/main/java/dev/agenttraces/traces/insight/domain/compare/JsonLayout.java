package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.CanonicalJson;

/**
 * Lays canonical JSON out one member or element a line, indented by two spaces, so a line diff of two
 * calls' arguments shows which members changed. Text that is not JSON is returned whitespace-normalised.
 */
final class JsonLayout {

    private JsonLayout() {
    }

    static String indent(String json) {
        if (json == null) {
            return "";
        }
        String canonical = CanonicalJson.canonicalise(json);
        if (!CanonicalJson.isJson(json)) {
            return canonical;
        }
        StringBuilder out = new StringBuilder(canonical.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < canonical.length(); i++) {
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
        return out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
