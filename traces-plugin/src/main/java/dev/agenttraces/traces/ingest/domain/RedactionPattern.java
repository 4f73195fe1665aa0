package dev.agenttraces.traces.ingest.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named redaction rule: a regular expression and the marker that replaces what it matches. When the
 * expression has a group named {@code secret}, only that group is replaced (a URL keeps its user and host,
 * a bearer header its scheme word); otherwise the whole match is.
 *
 * @param name   how configuration names the rule (to switch a default off, or in the admin list)
 * @param kind   what the marker says was there: {@code [REDACTED:kind]}
 * @param regex  the expression; defaults are written to run in time linear in the text (bounded, possessive)
 * @param hints  strings of which every match contains one: text holding none is skipped without running the
 *               regex (a {@code String.indexOf} is far cheaper than a regex scan); empty runs it always
 */
public record RedactionPattern(String name, String kind, Pattern regex, boolean builtIn, List<String> hints) {

    public RedactionPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regex, "regex");
        hints = List.copyOf(hints);
    }

    /** A pattern without hints: it runs on every text. */
    public RedactionPattern(String name, String kind, Pattern regex, boolean builtIn) {
        this(name, kind, regex, builtIn, List.of());
    }

    private boolean mayMatch(String text) {
        if (hints.isEmpty()) {
            return true;
        }
        for (int i = 0; i < hints.size(); i++) { // indexed: no iterator per text, on the ingest hot path
            if (text.contains(hints.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code [REDACTED:kind]}: no quote, backslash or whitespace, so it is safe inside JSON text. */
    public String marker() {
        return "[REDACTED:" + kind + "]";
    }

    /** Whether the expression masks only its {@code secret} group. */
    boolean masksGroup() {
        return regex.pattern().contains("(?<secret>");
    }

    /** Replaces every match in {@code text}; adds the number of replacements to {@code count[0]}. */
    String apply(String text, int[] count) {
        return mayMatch(text) ? replace(text, count) : text;
    }

    /** As {@link #apply}, for a text already known to hold one of the hints ({@link HintScan}). */
    String replace(String text, int[] count) {
        Matcher m = regex.matcher(text);
        if (!m.find()) {
            return text;
        }
        boolean group = masksGroup();
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            int start = group ? m.start("secret") : m.start();
            int end = group ? m.end("secret") : m.end();
            if (start < 0 || start == end) {
                continue; // the group did not take part: nothing secret in this match
            }
            out.append(text, last, start).append(marker());
            last = end;
            count[0]++;
        } while (m.find());
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
