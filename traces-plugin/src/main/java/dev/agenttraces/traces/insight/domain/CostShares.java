package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trace's cost split per tool, per step kind and per model, each list most expensive first.
 *
 * <p>Costs are exact sums. Shares are rounded to {@link #SHARE_SCALE} decimals (0.01 %) by the largest
 * remainder method: each share is rounded down, and the units still missing to reach 1 go to the buckets
 * whose exact fraction lost the most, so a dimension's shares always add up to exactly 1 and no share is
 * off by more than one unit. Costs are taken to be non-negative, as prices are.
 */
public record CostShares(List<CostShare> byTool, List<CostShare> byKind, List<CostShare> byModel) implements java.io.Serializable {

    public static final int SHARE_SCALE = 4;

    private static final BigDecimal UNITS = BigDecimal.TEN.pow(SHARE_SCALE);

    public CostShares {
        byTool = List.copyOf(byTool);
        byKind = List.copyOf(byKind);
        byModel = List.copyOf(byModel);
    }

    /** The shares of {@code buckets} (key to exact cost) in {@code total}, which is their sum. */
    public static List<CostShare> of(Map<String, BigDecimal> buckets, BigDecimal total) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(buckets.entrySet());
        entries.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (total.signum() <= 0) {
            return entries.stream().map(e -> new CostShare(e.getKey(), e.getValue(), BigDecimal.ZERO.setScale(SHARE_SCALE))).toList();
        }
        int n = entries.size();
        long[] units = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal scaled = entries.get(i).getValue().multiply(UNITS);
            BigDecimal[] qr = scaled.divideAndRemainder(total);
            units[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned += units[i];
        }
        long missing = UNITS.longValueExact() - assigned;
        if (missing > 0 && missing <= n) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed()
                    .thenComparing(i -> i));
            for (int k = 0; k < missing; k++) {
                units[order[k]]++;
            }
        }
        List<CostShare> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares.add(new CostShare(entries.get(i).getKey(), entries.get(i).getValue(),
                    BigDecimal.valueOf(units[i], SHARE_SCALE)));
        }
        return shares;
    }
}
