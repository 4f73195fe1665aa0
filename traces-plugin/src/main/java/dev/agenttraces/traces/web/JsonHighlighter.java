package dev.agenttraces.traces.web;

/**
 * Pretty-prints and colours a tool call's JSON parameters on the server. Every token is HTML-escaped
 * before it is wrapped in a span, so the output is safe to write unescaped: the only markup in it is
 * ours. Tolerant by design: agents send broken JSON too, and it still shows (just less tidy).
 *
 * <p>Bounded and linear in its input, because a step's text is the agent's to choose: indentation used to
 * grow with the depth on every line, so 8,000 nested brackets expanded to ~64 million characters (seconds
 * and 300 MB per render). Now text longer than {@link #MAX_CHARS} or nested deeper than {@link #MAX_DEPTH}
 * is shown as escaped plain text instead, so the output is at most a constant times the input. (A
 * client-side highlighter such as highlight.js was preferred, but no WebJar of it is available to this
 * build; this one stays small and is measured in BENCHMARKS.md.)
 */
public final class JsonHighlighter {

    /** Longest text that is pretty-printed; longer text is escaped as it is. */
    public static final int MAX_CHARS = 64 * 1024;

    /** Deepest nesting that is pretty-printed; deeper text is escaped as it is. */
    public static final int MAX_DEPTH = 32;

    private static final String INDENT = "  ";
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private JsonHighlighter() {
    }

    public static String highlight(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        if (json.length() > MAX_CHARS) {
            return escape(json);
        }
        String pretty = pretty(json);
        return pretty != null ? pretty : escape(json);
    }

    /** The highlighted text, or null when it nests deeper than {@link #MAX_DEPTH}. */
    private static String pretty(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = stringEnd(json, i);
                String token = json.substring(i, end);
                boolean key = nextNonSpace(json, end) == ':';
                span(out, key ? "at-json-key" : "at-json-string", token);
                i = end;
            } else if (c == '{' || c == '[') {
                out.append(c);
                char close = c == '{' ? '}' : ']';
                if (nextNonSpace(json, i + 1) == close) {
                    out.append(close);
                    i = json.indexOf(close, i + 1) + 1;
                } else {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        return null;
                    }
                    newline(out, depth);
                    i++;
                }
            } else if (c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
                newline(out, depth);
                out.append(c);
                i++;
            } else if (c == ',') {
                out.append(',');
                newline(out, depth);
                i++;
            } else if (c == ':') {
                out.append(": ");
                i++;
            } else {
                int end = i;
                while (end < n && ",:{}[]\"".indexOf(json.charAt(end)) < 0 && !Character.isWhitespace(json.charAt(end))) {
                    end++;
                }
                String token = json.substring(i, end);
                span(out, cssClassOf(token), token);
                i = end;
            }
        }
        return out.toString();
    }

    private static String cssClassOf(String literal) {
        if (literal.equals("true") || literal.equals("false")) {
            return "at-json-bool";
        }
        if (literal.equals("null")) {
            return "at-json-null";
        }
        return NUMBER.matcher(literal).matches() ? "at-json-number" : "at-json-other";
    }

    private static int stringEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static char nextNonSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append(INDENT.repeat(depth));
    }

    private static void span(StringBuilder out, String cssClass, String text) {
        out.append("<span class=\"").append(cssClass).append("\">").append(escape(text)).append("</span>");
    }

    /** HTML-escapes text for element content and attribute values alike. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
