package dev.agenttraces.traces.pricing.domain;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How a catalogue pattern is read, kept in one place so the pricer and the editor agree. */
public final class ModelPatterns {

    private static final String METACHARACTERS = "^$.|?*+()[]{}";

    private ModelPatterns() {
    }

    /** Whole-name, case-insensitive match: "gpt-4o" must not price "gpt-4o-mini". */
    public static Pattern compile(String pattern) throws PatternSyntaxException {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /** The literal pattern of one model name ({@code gpt-4.1} → {@code gpt-4\.1}), which {@link #isLiteral} accepts. */
    public static String literal(String model) {
        StringBuilder out = new StringBuilder(model.length() + 8);
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            if (c == '\\' || METACHARACTERS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A pattern is literal when it names exactly one model: no unescaped metacharacter and no escape
     * class such as {@code \d} ({@code gpt-4\.1} is literal, {@code gpt-4.1} is not).
     */
    public static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (METACHARACTERS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
