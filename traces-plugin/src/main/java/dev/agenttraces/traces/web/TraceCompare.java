package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.application.TraceComparison;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.compare.AlignedPair;
import dev.agenttraces.traces.insight.domain.compare.AlignmentTotals;
import dev.agenttraces.traces.insight.domain.compare.PairStatus;
import dev.agenttraces.traces.insight.domain.compare.TextDiff;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compare page ({@code compare.xhtml?a=…&b=…}): two traces side by side, their steps aligned, inserted,
 * removed and changed steps marked, deltas of tokens, cost and duration per aligned step and in total, and the
 * diff of a changed step's arguments or text when its row is expanded. Both traces are read through the
 * viewer's board scope: one the viewer may not see makes the page say "not found", naming neither.
 */
@Named
@ViewScoped
public class TraceCompare implements Serializable {

    /** Characters of a step's text shown in its row. */
    private static final int PREVIEW = 120;

    @Inject
    TraceQueries queries;
    @Inject
    TraceComparison comparison;

    private String a;
    private String b;
    /*
     * The comparison itself, derived from a and b: transient, so the replicated session does not carry up to
     * TraceComparison.MAX_STEPS aligned pairs with their texts after every request (SCALE.md, "What a session
     * holds"); after a failover the first read compares again ({@link #compared()}).
     */
    private transient TraceSummary left;
    private transient TraceSummary right;
    private transient AlignmentTotals totals;
    private transient boolean truncated;
    private transient List<Row> rows;
    private transient List<AlignedPair> pairs;

    /** One aligned pair as the table shows it. */
    public record Row(int index, PairStatus status, Integer leftSeq, Integer rightSeq, String kind, String tool,
                      String leftText, String rightText, long tokensDelta, BigDecimal costDeltaUsd, Long durationDeltaMs)
            implements Serializable {

        public String statusLabel() {
            return status.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The diff of a changed row: its arguments' (for tool calls) and its text's. */
    public record Diff(TextDiff arguments, TextDiff text) implements Serializable {
    }

    public void load() {
        rows = new ArrayList<>();
        pairs = new ArrayList<>();
        Optional<TraceSummary> l = trace(a);
        Optional<TraceSummary> r = trace(b);
        if (l.isEmpty() || r.isEmpty()) {
            return;
        }
        left = l.get();
        right = r.get();
        TraceComparison.Compared compared = comparison.compare(left, right);
        totals = compared.alignment().totals();
        truncated = compared.truncated();
        for (AlignedPair p : compared.alignment().pairs()) {
            InsightStep any = p.left() != null ? p.left() : p.right();
            rows.add(new Row(rows.size(), p.status(), p.left() == null ? null : p.left().seq(),
                    p.right() == null ? null : p.right().seq(), any.kind().wireName().replace('_', ' '), any.toolName(),
                    preview(p.left()), preview(p.right()), p.tokensDelta(), p.costDeltaUsd(), p.durationDeltaMs()));
            pairs.add(p);
        }
    }

    private Optional<TraceSummary> trace(String id) {
        try {
            return id == null ? Optional.empty() : queries.trace(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String preview(InsightStep s) {
        if (s == null) {
            return null;
        }
        String text = s.toolInput() != null ? s.toolInput() : s.text();
        if (text == null) {
            return "";
        }
        return text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text;
    }

    /** The diffs of a changed row, computed when it is expanded. */
    public Diff diff(int index) {
        compared();
        if (index < 0 || index >= pairs.size() || pairs.get(index).status() != PairStatus.CHANGED) {
            return null;
        }
        AlignedPair p = pairs.get(index);
        return new Diff(p.argumentsChanged() ? p.argumentsDiff() : null, p.textDiff().identical() ? null : p.textDiff());
    }

    public String rowClass(Row row) {
        return "at-cmp-" + row.statusLabel();
    }

    /** A token delta for people: "+1,200", "−300", "±0". */
    public String tokensDelta(long delta) {
        return sign(Long.signum(delta)) + Formats.tokens(Math.abs(delta));
    }

    /** A cost delta: "+$0.0031"; "—" when a side is unpriced. */
    public String costDelta(BigDecimal delta) {
        return delta == null ? "—" : sign(delta.signum()) + Formats.money(delta.abs());
    }

    /** A duration delta: "+1.2 s"; "—" when a side's duration is unknown. */
    public String durationDelta(Long delta) {
        return delta == null ? "—" : sign(Long.signum(delta)) + Formats.duration(Math.abs(delta));
    }

    private static String sign(int signum) {
        return signum > 0 ? "+" : signum < 0 ? "\u2212" : "\u00b1";
    }

    public String getA() {
        return a;
    }

    public void setA(String a) {
        this.a = a;
    }

    public String getB() {
        return b;
    }

    public void setB(String b) {
        this.b = b;
    }

    /** Compares again when this view came from another server without its comparison. */
    private void compared() {
        if (rows == null) {
            load();
        }
    }

    public TraceSummary getLeft() {
        compared();
        return left;
    }

    public TraceSummary getRight() {
        compared();
        return right;
    }

    public AlignmentTotals getTotals() {
        compared();
        return totals;
    }

    public boolean isTruncated() {
        compared();
        return truncated;
    }

    public List<Row> getRows() {
        compared();
        return rows;
    }

    public int getMaxSteps() {
        return TraceComparison.MAX_STEPS;
    }
}
