package dev.agenttraces.traces.ingest.interfaces.rest;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/**
 * One JSON-P provider for the whole API. {@code Jsonp.BUILDERS.createObjectBuilder()} and friends look the
 * provider up through ServiceLoader on every call, which scans the class path; with a result object per
 * ingested step that lookup dominated the ingest path, so the provider and a builder factory are resolved
 * once here.
 */
final class Jsonp {

    static final JsonProvider PROVIDER = JsonProvider.provider();
    static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private Jsonp() {
    }
}
