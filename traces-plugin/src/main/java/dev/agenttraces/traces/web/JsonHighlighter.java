package dev.agenttraces.traces.web;

/**
 * Pretty-prints and colours a tool call's JSON parameters on the server. Every token is HTML-escaped
 * before it is wrapped in a span, so the output is safe to write unescaped: the only markup in it is
 * ours. Tolerant by design: agents send broken JSON too, and it still shows (just less tidy).
 */
public final class JsonHighlighter {

    private static final String INDENT = "  ";

    private JsonHighlighter() {
    }

    public static String highlight(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
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
        return literal.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") ? "at-json-number" : "at-json-other";
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
