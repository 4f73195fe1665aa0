package dev.agenttraces.traces.spend.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spend per UTC day over a range, with every day present (zero days included) so a chart shows gaps
 * as gaps. The days come bucketed from the daily rollup (migration V70); the zero days are filled in here.
 */
public final class DailySpend {

    private final Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();

    public DailySpend(LocalDate first, LocalDate last) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, BigDecimal.ZERO);
        }
    }

    public DailySpend add(Instant at, BigDecimal usd) {
        if (at != null && usd != null) {
            days.computeIfPresent(LocalDate.ofInstant(at, ZoneOffset.UTC), (d, sum) -> sum.add(usd));
        }
        return this;
    }

    public Map<LocalDate, BigDecimal> days() {
        return days;
    }

    /** A Chart.js bar chart configuration for PrimeFaces' p:chart (labels are ISO dates, values dollars). */
    public String chartJson(String label) {
        StringBuilder labels = new StringBuilder();
        StringBuilder values = new StringBuilder();
        days.forEach((day, usd) -> {
            labels.append(labels.isEmpty() ? "" : ",").append('"').append(day.toString().substring(5)).append('"');
            values.append(values.isEmpty() ? "" : ",").append(usd.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        });
        return "{\"type\":\"bar\",\"data\":{\"labels\":[" + labels + "],\"datasets\":[{\"label\":\""
                + label.replace("\"", "") + "\",\"backgroundColor\":\"#6366f1\",\"data\":[" + values + "]}]},"
                + "\"options\":{\"animation\":false,\"maintainAspectRatio\":false,\"plugins\":{\"legend\":{\"display\":false}},"
                + "\"scales\":{\"y\":{\"beginAtZero\":true}}}}";
    }

    /** Adds each day's cost (days outside the range are ignored). */
    public DailySpend addAll(List<DayCost> costs) {
        costs.forEach(c -> {
            if (c.costUsd() != null) {
                days.computeIfPresent(c.day(), (d, sum) -> sum.add(c.costUsd()));
            }
        });
        return this;
    }

    public boolean isEmpty() {
        return days.values().stream().allMatch(v -> v.signum() == 0);
    }

    public static DailySpend lastDays(int count, Instant now, List<Object[]> startedAndCost) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DailySpend s = new DailySpend(today.minusDays(count - 1L), today);
        startedAndCost.forEach(r -> s.add((Instant) r[0], (BigDecimal) r[1]));
        return s;
    }
}
