package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.domain.StepType;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values read on every trace screen, reachable from EL as {@code #{fmt.money(x)}} in pages and
 * tags (EL invokes these static methods on the named instance). Money stays BigDecimal end to end;
 * small amounts keep four significant digits because a single LLM call costs fractions of a cent and
 * "$0.00" would hide it. An unpriced amount is never shown as zero: it reads "unpriced".
 */
@Named("fmt")
@Singleton
public class Formats {

    public static final String UNPRICED = "unpriced";
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    public static String when(Instant at) {
        return at == null ? "–" : WHEN.format(at);
    }

    /** Escaped, pretty-printed, coloured JSON; safe to write with escape="false". */
    public static String json(String raw) {
        return JsonHighlighter.highlight(raw);
    }

    /** The PrimeIcons class of a step type's icon. */
    public static String icon(StepType type) {
        if (type == null) {
            return "pi pi-circle";
        }
        return switch (type) {
            case REASONING -> "pi pi-lightbulb";
            case TOOL_CALL -> "pi pi-wrench";
            case TOOL_RESULT -> "pi pi-reply";
            case ERROR -> "pi pi-times-circle";
            case SYSTEM -> "pi pi-cog";
            case LLM_CALL -> "pi pi-comments";
            case AGENT -> "pi pi-sitemap";
        };
    }

    /** The CSS class that colours a step type. */
    public static String typeClass(StepType type) {
        return type == null ? "" : "at-type-" + type.wireName().replace('_', '-');
    }

    /** "$1,234.57" from a dollar up, "$0.0123" (four significant digits) below, "$0.00" for zero. */
    public static String money(BigDecimal usd) {
        if (usd == null) {
            return UNPRICED;
        }
        if (usd.signum() == 0) {
            return "$0.00";
        }
        BigDecimal abs = usd.abs();
        String sign = usd.signum() < 0 ? "-" : "";
        if (abs.compareTo(BigDecimal.ONE) >= 0) {
            return sign + "$" + new DecimalFormat("#,##0.00", US).format(abs.setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal rounded = abs.round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros();
        if (rounded.scale() < 2) {
            rounded = rounded.setScale(2, RoundingMode.UNNECESSARY);
        }
        return sign + "$" + rounded.toPlainString();
    }

    /**
     * A total that may leave out unpriced steps: "unpriced" when nothing but unpriced steps cost
     * anything (so it never reads $0), else the priced sum marked "+" as a lower bound.
     */
    public static String total(BigDecimal usd, int unpricedSteps) {
        if (unpricedSteps > 0 && (usd == null || usd.signum() == 0)) {
            return UNPRICED;
        }
        return unpricedSteps > 0 ? money(usd) + "+" : money(usd);
    }

    /** Thousands separators: 1,234,567. */
    public static String tokens(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** A sum of tokens over traces, which may exceed a long (a task's in the cost widget), with separators. */
    public static String tokenSum(BigInteger n) {
        return n == null ? "–" : String.format(Locale.US, "%,d", n);
    }

    /**
     * "350 ms", "4.2 s", "3m 05s", "1h 02m"; a dash when unknown. The only {@code duration}: EL cannot choose
     * between overloads for a null argument, and a step sent without {@code durationMs} failed the whole panel.
     */
    public static String duration(Long millis) {
        if (millis == null || millis < 0) {
            return "–";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return new DecimalFormat("0.0", US).format(millis / 1000.0) + " s";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() == 0) {
            return String.format(Locale.US, "%dm %02ds", d.toMinutesPart(), d.toSecondsPart());
        }
        return String.format(Locale.US, "%dh %02dm", d.toHours(), d.toMinutesPart());
    }

    /** The share of a in b as a percentage 0–100 (capped), for bars and gauges. */
    public static int percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return 0;
        }
        int p = part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, p));
    }
}
