package dev.agenttraces.traces.insight.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a tool may change what other tools see, from its name alone: the name is split into
 * words (at non-letters and at lower-to-upper case changes) and a tool is mutating when any word matches
 * the settings' pattern whole. Whole words keep {@code compute} and {@code output} from matching
 * {@code put}. Answers are cached per name: a trace uses few tools many times.
 */
final class MutatingTools {

    private final Pattern word;
    private final Map<String, Boolean> cache = new HashMap<>();

    MutatingTools(String pattern) {
        this.word = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean isMutating(String toolName) {
        if (toolName == null) {
            return false;
        }
        return cache.computeIfAbsent(toolName, this::anyWordMatches);
    }

    private boolean anyWordMatches(String name) {
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = Character.isLetterOrDigit(c);
            boolean camelBreak = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (!letterOrDigit || camelBreak) {
                if (matches(current)) {
                    return true;
                }
                current.setLength(0);
            }
            if (letterOrDigit) {
                current.append(c);
            }
        }
        return matches(current);
    }

    private boolean matches(CharSequence candidate) {
        return !candidate.isEmpty() && word.matcher(candidate).matches();
    }
}
