package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.Rates;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The five per-1M-token prices as typed into the editor (base rates or one tier). */
public class PriceFields implements Serializable {

    private BigDecimal input;
    private BigDecimal output;
    private BigDecimal cachedInput;
    private BigDecimal reasoning;
    private BigDecimal cacheCreation;

    void fill(Rates r) {
        input = r.input();
        output = r.output();
        cachedInput = r.cachedInput();
        reasoning = r.reasoning();
        cacheCreation = r.cacheCreation();
    }

    void check(String label, List<String> problems) {
        PriceDraft.checkPrice(label + "Input price", input, true, problems);
        PriceDraft.checkPrice(label + "Output price", output, true, problems);
        PriceDraft.checkPrice(label + "Cached-input price", cachedInput, false, problems);
        PriceDraft.checkPrice(label + "Reasoning price", reasoning, false, problems);
        PriceDraft.checkPrice(label + "Cache-write price", cacheCreation, false, problems);
    }

    Rates toRates() {
        return new Rates(input, output, cachedInput, reasoning, cacheCreation);
    }

    public BigDecimal getInput() {
        return input;
    }

    public void setInput(BigDecimal input) {
        this.input = input;
    }

    public BigDecimal getOutput() {
        return output;
    }

    public void setOutput(BigDecimal output) {
        this.output = output;
    }

    public BigDecimal getCachedInput() {
        return cachedInput;
    }

    public void setCachedInput(BigDecimal cachedInput) {
        this.cachedInput = cachedInput;
    }

    public BigDecimal getReasoning() {
        return reasoning;
    }

    public void setReasoning(BigDecimal reasoning) {
        this.reasoning = reasoning;
    }

    public BigDecimal getCacheCreation() {
        return cacheCreation;
    }

    public void setCacheCreation(BigDecimal cacheCreation) {
        this.cacheCreation = cacheCreation;
    }
}
