package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.ModelPatterns;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceTier;
import dev.agenttraces.traces.pricing.domain.Rates;
import dev.agenttraces.traces.shared.StorableUnicode;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A catalogue entry as an admin is editing it: every field may be missing or wrong until
 * {@link #problems()} is empty, and only then does {@link #toEntry()} build the immutable entry. Kept
 * free of Faces so the rules are unit-tested.
 */
public class PriceDraft implements Serializable {

    /** Prices are stored as numeric(18, 6): six decimals keep every cost exact at scale 12. */
    static final int MAX_PRICE_SCALE = 6;
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private Long id;
    private String modelPattern;
    private String provider;
    private LocalDate effectiveFrom;
    private final PriceFields base = new PriceFields();
    private final List<TierDraft> tiers = new ArrayList<>();
    private String source;

    public static PriceDraft of(PriceEntry e) {
        PriceDraft d = new PriceDraft();
        d.id = e.id();
        d.modelPattern = e.modelPattern();
        d.provider = e.provider();
        d.effectiveFrom = e.effectiveFrom();
        d.base.fill(e.base());
        for (PriceTier t : e.tiers()) {
            TierDraft td = new TierDraft();
            td.setAboveInputTokens(t.aboveInputTokens());
            td.getPrices().fill(t.rates());
            d.tiers.add(td);
        }
        d.source = e.source();
        return d;
    }

    /**
     * Text the columns cannot take (too long for the column, NUL, lone surrogates) is a problem for the
     * admin to fix, not a failed insert: the form's maxlength is only a hint a crafted POST ignores.
     */
    private static void text(List<String> problems, String label, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.strip().length() > max) {
            problems.add(label + " is longer than " + max + " characters.");
        }
        String unstorable = StorableUnicode.problem(value);
        if (unstorable != null) {
            problems.add(label + " " + unstorable + ".");
        }
    }

    /** Every reason the draft cannot be saved, phrased for the admin; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(modelPattern)) {
            problems.add("Model pattern is required.");
        } else {
            try {
                ModelPatterns.compile(modelPattern.strip());
            } catch (PatternSyntaxException e) {
                problems.add("Model pattern is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex() + ".");
            }
        }
        if (blank(provider)) {
            problems.add("Provider is required.");
        }
        if (effectiveFrom == null) {
            problems.add("Effective-from date is required.");
        }
        if (blank(source)) {
            problems.add("Source (URL and date the prices were read) is required.");
        }
        text(problems, "Model pattern", modelPattern, 200);
        text(problems, "Provider", provider, 100);
        text(problems, "Source", source, 1000);
        base.check("", problems);
        Set<Long> thresholds = new HashSet<>();
        for (TierDraft t : tiers) {
            String label = "Tier above " + (t.getAboveInputTokens() == null ? "?" : t.getAboveInputTokens()) + " tokens: ";
            if (t.getAboveInputTokens() == null || t.getAboveInputTokens() <= 0) {
                problems.add(label + "the input-token threshold must be a positive number.");
            } else if (!thresholds.add(t.getAboveInputTokens())) {
                problems.add(label + "two tiers have the same threshold.");
            }
            t.getPrices().check(label, problems);
        }
        return problems;
    }

    public PriceEntry toEntry() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(" ", problems));
        }
        List<PriceTier> built = tiers.stream()
                .map(t -> new PriceTier(t.getAboveInputTokens(), t.getPrices().toRates())).toList();
        return new PriceEntry(id, modelPattern.strip(), provider.strip(), effectiveFrom, base.toRates(), built,
                source.strip());
    }

    public void addTier() {
        tiers.add(new TierDraft());
    }

    public void removeTier(TierDraft tier) {
        tiers.remove(tier);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static void checkPrice(String label, BigDecimal price, boolean required, List<String> problems) {
        if (price == null) {
            if (required) {
                problems.add(label + " is required.");
            }
        } else if (price.signum() < 0) {
            problems.add(label + " cannot be negative.");
        } else if (price.compareTo(MAX_PRICE) >= 0) {
            problems.add(label + " must be below " + MAX_PRICE.toPlainString() + " USD per 1M tokens.");
        } else if (price.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
            problems.add(label + " has more than " + MAX_PRICE_SCALE + " decimals.");
        }
    }

    public Long getId() {
        return id;
    }

    public String getModelPattern() {
        return modelPattern;
    }

    public void setModelPattern(String modelPattern) {
        this.modelPattern = modelPattern;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public PriceFields getBase() {
        return base;
    }

    public List<TierDraft> getTiers() {
        return tiers;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    /** One optional tier as edited. */
    public static class TierDraft implements Serializable {
        private Long aboveInputTokens;
        private final PriceFields prices = new PriceFields();

        public Long getAboveInputTokens() {
            return aboveInputTokens;
        }

        public void setAboveInputTokens(Long aboveInputTokens) {
            this.aboveInputTokens = aboveInputTokens;
        }

        public PriceFields getPrices() {
            return prices;
        }
    }
}
