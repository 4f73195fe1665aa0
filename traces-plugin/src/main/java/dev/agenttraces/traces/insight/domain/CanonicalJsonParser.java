package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.agenttraces.traces.insight.domain.CanonicalJson.MAX_DEPTH;

/**
 * The recursive descent behind {@link CanonicalJson}: it writes the canonical text while it parses, so one
 * pass does both, and it gives up (with {@link NotJson}) at the first character that is not strict JSON.
 */
final class CanonicalJsonParser {

    /** Longer number literals are kept as written (lower-cased): parsing them by value would cost more than linear time. */
    static final int MAX_NUMBER_LENGTH = 100;

    /** Thrown (without a stack trace, it is control flow) when the text is not JSON within the depth bound. */
    static final class NotJson extends RuntimeException {
        private static final NotJson INSTANCE = new NotJson();

        private NotJson() {
            super("not JSON", null, false, false);
        }
    }

    private record Member(String key, String value) {
    }

    private final String s;
    private int pos;

    CanonicalJsonParser(String s) {
        this.s = s;
    }

    String document() {
        StringBuilder out = new StringBuilder(s.length());
        value(0, out);
        skipWhitespace();
        if (pos != s.length()) {
            throw NotJson.INSTANCE;
        }
        return out.toString();
    }

    private void value(int depth, StringBuilder out) {
        skipWhitespace();
        if (pos >= s.length()) {
            throw NotJson.INSTANCE;
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> object(depth + 1, out);
            case '[' -> array(depth + 1, out);
            case '"' -> CanonicalJson.quote(string(), out);
            case 't' -> literal("true", out);
            case 'f' -> literal("false", out);
            case 'n' -> literal("null", out);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number(out);
                } else {
                    throw NotJson.INSTANCE;
                }
            }
        }
    }

    private void object(int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) {
            throw NotJson.INSTANCE;
        }
        pos++;
        List<Member> members = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw NotJson.INSTANCE;
                }
                String key = string();
                skipWhitespace();
                expect(':');
                StringBuilder value = new StringBuilder();
                value(depth, value);
                members.add(new Member(key, value.toString()));
                if (!commaOr('}')) {
                    break;
                }
            }
        }
        members.sort((a, b) -> a.key().compareTo(b.key()));
        out.append('{');
        boolean first = true;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (i + 1 < members.size() && members.get(i + 1).key().equals(m.key())) {
                continue; // a repeated key: the last one wins (the sort is stable)
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            CanonicalJson.quote(m.key(), out);
            out.append(':').append(m.value());
        }
        out.append('}');
    }

    private void array(int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) {
            throw NotJson.INSTANCE;
        }
        pos++;
        out.append('[');
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            boolean first = true;
            do {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(depth, out);
            } while (commaOr(']'));
        }
        out.append(']');
    }

    /** After a member or element: true on a comma, false on {@code close}; anything else is not JSON. */
    private boolean commaOr(char close) {
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw NotJson.INSTANCE;
    }

    private String string() {
        pos++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw NotJson.INSTANCE;
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw NotJson.INSTANCE;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw NotJson.INSTANCE;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw NotJson.INSTANCE;
            }
        }
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw NotJson.INSTANCE;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw NotJson.INSTANCE;
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private void number(StringBuilder out) {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw NotJson.INSTANCE;
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw NotJson.INSTANCE;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw NotJson.INSTANCE;
            }
        }
        out.append(normaliseNumber(s.substring(start, pos)));
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void literal(String word, StringBuilder out) {
        if (!s.startsWith(word, pos)) {
            throw NotJson.INSTANCE;
        }
        pos += word.length();
        out.append(word);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw NotJson.INSTANCE;
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /**
     * One text per numeric value: trailing zeros stripped, integers of up to 21 digits written plainly,
     * anything else in {@link BigDecimal#toString()} form (which is valid JSON, e.g. {@code 1.5E+30}).
     */
    static String normaliseNumber(String literal) {
        if (literal.length() > MAX_NUMBER_LENGTH) {
            return literal.toLowerCase(Locale.ROOT);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(literal).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return literal.toLowerCase(Locale.ROOT); // an exponent beyond int range
        }
        if (value.signum() == 0) {
            return "0";
        }
        if (value.scale() <= 0 && value.precision() - value.scale() <= 21) {
            return value.toPlainString();
        }
        return value.toString();
    }
}
