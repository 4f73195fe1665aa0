package dev.agenttraces.traces.pricing.application;

/** A price file that cannot be read at all (not JSON, too large, too deep, not an object of models). */
public class PriceFileRefused extends RuntimeException {

    public PriceFileRefused(String message) {
        super(message);
    }
}
