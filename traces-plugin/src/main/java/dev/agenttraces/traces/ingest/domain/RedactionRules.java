package dev.agenttraces.traces.ingest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Builds the active redactor from configuration: on or off, the defaults minus those switched off, plus extra
 * patterns written {@code name=regex;name=regex} (a {@code ;} inside a regex is written {@code \;}, which a Java
 * regex reads as {@code ;}). A pattern that does not compile is left out and named in {@link Built#problems()},
 * so a typo in configuration never stops ingest.
 */
public final class RedactionRules {

    /** The redactor and what could not be used. */
    public record Built(Redactor redactor, List<String> problems) {
    }

    private RedactionRules() {
    }

    public static Built build(boolean enabled, String disabledDefaults, String extraPatterns) {
        if (!enabled) {
            return new Built(Redactor.NONE, List.of());
        }
        Set<String> off = Arrays.stream(blankToEmpty(disabledDefaults).split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        List<RedactionPattern> active = new ArrayList<>();
        for (RedactionPattern p : RedactionDefaults.ALL) {
            if (!off.remove(p.name())) {
                active.add(p);
            }
        }
        off.forEach(name -> problems.add("There is no default redaction pattern \"" + name + "\" to switch off."));
        for (String entry : blankToEmpty(extraPatterns).split("(?<!\\\\);")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add("Redaction pattern \"" + entry.trim()
                        + "\" needs a name (letters, digits, - or _) and =regex.");
                continue;
            }
            try {
                active.add(new RedactionPattern(name, name, Pattern.compile(entry.substring(eq + 1).trim()), false));
            } catch (PatternSyntaxException e) {
                problems.add("Redaction pattern \"" + name + "\" does not compile: " + e.getDescription() + ".");
            }
        }
        return new Built(new Redactor(active), List.copyOf(problems));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }
}
