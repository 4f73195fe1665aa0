package dev.agenttraces.traces.shared;

/**
 * The rule for text the database can hold as sent: PostgreSQL refuses NUL in {@code text}/{@code varchar}
 * columns (the insert fails and, without this check, takes the whole batch down with it), and a lone UTF-16
 * surrogate (reachable through a JSON {@code \ud800} escape) has no UTF-8 form, so the driver would store a
 * silent {@code ?} instead. Checked where input is read, so the refusal names the field.
 */
public final class StorableUnicode {

    private StorableUnicode() {
    }

    /** Why {@code text} cannot be stored, or null when it can (null text can). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (\\u0000), which cannot be stored";
            }
            if (!Character.isSurrogate(c)) {
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            if (!paired) {
                return "contains a lone UTF-16 surrogate at index " + i + ", which is not valid Unicode";
            }
            i++;
        }
        return null;
    }
}
