package dev.agenttraces.taskboard.host.contract;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven-style version range such as {@code [1.0,2.0)}: the host-api versions a plugin works with.
 * An empty upper bound means "no upper bound".
 */
public record VersionRange(String text, int[] lower, boolean lowerInclusive, int[] upper, boolean upperInclusive) {

    private static final Pattern RANGE = Pattern.compile("([\\[(])\\s*([0-9.]+)\\s*,\\s*([0-9.]*)\\s*([])])");

    public static VersionRange parse(String text) throws InvalidDescriptorException {
        Matcher m = RANGE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidDescriptorException("host-api '" + text + "' is not a version range like [1.0,2.0)");
        }
        int[] upper = m.group(3).isEmpty() ? null : numbers(m.group(3));
        return new VersionRange(text.strip(), numbers(m.group(2)), "[".equals(m.group(1)), upper, "]".equals(m.group(4)));
    }

    public boolean contains(String version) {
        int[] v = numbers(version);
        int lo = compare(v, lower);
        if (lo < 0 || (lo == 0 && !lowerInclusive)) {
            return false;
        }
        if (upper == null) {
            return true;
        }
        int hi = compare(v, upper);
        return hi < 0 || (hi == 0 && upperInclusive);
    }

    static int compare(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
