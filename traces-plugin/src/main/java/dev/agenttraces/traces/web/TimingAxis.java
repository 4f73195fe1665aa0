package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.TraceSummary;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis of the timing view: the trace's own start to its end (or now, while it runs). Each step
 * becomes a bar at its start offset, as wide as its duration, so long steps stand out by width and idle
 * time shows as empty track; a gap since the step shown just above it is drawn as a hatched segment when
 * it is long enough to matter. Built from the trace's summary alone, never from a scan of its steps, so a
 * 200,000-step trace costs what a small one does: the view pages its rows like the timeline does. A step
 * stamped outside the trace's span (a client's clock, a late span) is clamped to the axis and marked.
 *
 * @param origin the trace's start
 * @param spanMs the trace's duration (at least 1 ms)
 */
public record TimingAxis(Instant origin, long spanMs) implements Serializable {

    /** A gap is drawn when it is at least this long… */
    static final long MIN_GAP_MS = 1000;
    /** …and at least this share of the axis, so a long trace is not striped with small pauses. */
    static final double MIN_GAP_SHARE = 0.02;
    /** A step taking at least this share of the whole trace is a "long" step. */
    static final double LONG_SHARE = 0.10;
    private static final int TICKS = 4;

    /**
     * One step's bar, in percent of the axis width.
     *
     * @param gapMs   idle time between the end of the step shown above and this one's start (0: none drawn)
     * @param clamped whether the step lies (partly) outside the trace's span
     */
    public record Bar(double left, double width, double gapLeft, double gapWidth, long offsetMs, Long durationMs,
                      long gapMs, boolean longStep, boolean clamped) implements Serializable {

        /** The bar's inline style: its place on the track (numbers only, so nothing untrusted enters it). */
        public String style() {
            return String.format(Locale.ROOT, "left: %.3f%%; width: %.3f%%", left, width);
        }

        public String gapStyle() {
            return String.format(Locale.ROOT, "left: %.3f%%; width: %.3f%%", gapLeft, gapWidth);
        }

        /** The bar's tooltip, for people: "starts at +12.5 s, takes 3.1 s". */
        public String title() {
            return "starts at +" + Formats.duration(offsetMs) + ", takes " + Formats.duration(durationMs)
                    + (gapMs > 0 ? ", after " + Formats.duration(gapMs) + " idle" : "")
                    + (clamped ? " (outside the trace's own time span)" : "");
        }
    }

    /** A labelled tick of the axis header. */
    public record Tick(double left, String label) implements Serializable {

        public String style() {
            return String.format(Locale.ROOT, "left: %.3f%%", left);
        }
    }

    public static TimingAxis of(TraceSummary trace) {
        return new TimingAxis(trace.startedAt(), Math.max(1, trace.elapsedMs()));
    }

    /** The bar of a step; {@code above} is the step shown just above it on the page, or null. */
    public Bar bar(StepRow step, StepRow above) {
        long rawStart = step.startedAt().toEpochMilli() - origin.toEpochMilli();
        long duration = step.durationMs() == null ? 0 : Math.max(0, step.durationMs());
        long start = clamp(rawStart);
        long end = clamp(rawStart + duration);
        boolean clamped = start != rawStart || end != rawStart + duration;
        long gap = 0;
        long gapFrom = 0;
        if (above != null) {
            long aboveEnd = clamp(above.startedAt().toEpochMilli() - origin.toEpochMilli()
                    + (above.durationMs() == null ? 0 : Math.max(0, above.durationMs())));
            long idle = start - aboveEnd;
            if (idle >= MIN_GAP_MS && idle >= MIN_GAP_SHARE * spanMs) {
                gap = idle;
                gapFrom = aboveEnd;
            }
        }
        return new Bar(pct(start), Math.max(0.0, pct(end) - pct(start)), pct(gapFrom), pct(gap), rawStart,
                step.durationMs(), gap, duration >= LONG_SHARE * spanMs, clamped);
    }

    /** Ticks at 0, ¼, ½, ¾ and the end of the trace, labelled with their offset. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>(TICKS + 1);
        for (int i = 0; i <= TICKS; i++) {
            long at = spanMs * i / TICKS;
            ticks.add(new Tick(100.0 * i / TICKS, i == 0 ? "0" : "+" + Formats.duration(at)));
        }
        return ticks;
    }

    private long clamp(long offsetMs) {
        return Math.max(0, Math.min(spanMs, offsetMs));
    }

    private double pct(long offsetMs) {
        return 100.0 * offsetMs / spanMs;
    }
}
