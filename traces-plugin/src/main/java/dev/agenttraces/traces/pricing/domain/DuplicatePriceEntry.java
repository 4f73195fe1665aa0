package dev.agenttraces.traces.pricing.domain;

/** Refusal of a catalogue entry whose model, provider and effective date another entry already has. */
public class DuplicatePriceEntry extends RuntimeException {

    public DuplicatePriceEntry(PriceEntry e) {
        super("An entry for " + e.modelPattern() + " (" + e.provider() + ") effective " + e.effectiveFrom()
                + " already exists.");
    }
}
