package dev.agenttraces.traces.api;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/**
 * One JSON-P provider for the whole API. {@code Json.createObjectBuilder()} and friends look the
 * provider up through ServiceLoader on every call, which scans the class path; with a result object per
 * ingested step that lookup dominated the ingest path, so the provider and a builder factory are resolved
 * once here.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();
    public static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private Jsonp() {
    }
}
