package dev.agenttraces.traces.views;

import dev.agenttraces.traces.analysis.Formats;
import dev.agenttraces.traces.analysis.JsonHighlighter;
import dev.agenttraces.traces.store.domain.StepType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The formatting rules of {@link Formats}, reachable from EL as {@code #{fmt.money(x)}} in pages and tags. */
@Named("fmt")
@ApplicationScoped
public class Formatting {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    public String money(BigDecimal usd) {
        return Formats.money(usd);
    }

    public String total(BigDecimal usd, int unpricedSteps) {
        return Formats.total(usd, unpricedSteps);
    }

    public String tokens(long n) {
        return Formats.tokens(n);
    }

    public String duration(Long millis) {
        return Formats.duration(millis);
    }

    public String when(Instant at) {
        return at == null ? "–" : WHEN.format(at);
    }

    /** Escaped, pretty-printed, coloured JSON; safe to write with escape="false". */
    public String json(String raw) {
        return JsonHighlighter.highlight(raw);
    }

    public String icon(StepType type) {
        if (type == null) {
            return "pi pi-circle";
        }
        return switch (type) {
            case REASONING -> "pi pi-lightbulb";
            case TOOL_CALL -> "pi pi-wrench";
            case TOOL_RESULT -> "pi pi-reply";
            case ERROR -> "pi pi-times-circle";
            case SYSTEM -> "pi pi-cog";
        };
    }

    public String typeClass(StepType type) {
        return type == null ? "" : "at-type-" + type.wireName().replace('_', '-');
    }
}
