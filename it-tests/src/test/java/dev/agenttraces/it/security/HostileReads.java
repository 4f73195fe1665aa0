package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.security.HostileInputIT.Case;

import java.util.Map;
import java.util.UUID;

/**
 * The hostile reads of {@link HostileInputIT}: exports, spend (one agent's and every agent's), trace lists, top
 * tasks and annotations (a trace's, with a host token or an ingest token; a task's), each a 4xx problem+json
 * naming the field when a field is at fault.
 */
record HostileReads(HostileCases f) {

    private static final String PERIOD = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    void all(Map<String, Case> c) {
        exports(c);
        spend(c);
        lists(c);
        annotations(c);
        String spendPath = "/agents/" + f.agent + "/spend";
        c.put("read: host token for another URL", new Case(() -> IngestClient.get(spendPath + "?" + PERIOD,
                f.readToken("/agents/1/spend")), 403, null));
        c.put("read: ingest token instead of a host token", new Case(() -> IngestClient.get("/traces/" + f.steps, f.token), 401, null));
    }

    private void exports(Map<String, Case> c) {
        read(c, "export of an unknown trace", "/traces/" + UUID.randomUUID(), 404, null);
        read(c, "export of a non-UUID", "/traces/nope", 404, "id");
        read(c, "export offset negative", "/traces/" + f.steps + "?offset=-1", 400, "offset");
        read(c, "export limit too large", "/traces/" + f.steps + "?limit=100000", 400, "limit");
        read(c, "export limit zero", "/traces/" + f.steps + "?limit=0", 400, "limit");
        read(c, "export limit not a number", "/traces/" + f.steps + "?limit=abc", 404, null);
    }

    private void spend(Map<String, Case> c) {
        String spend = "/agents/" + f.agent + "/spend";
        read(c, "spend from not an instant", spend + "?from=yesterday&to=2026-02-01T00:00:00Z", 400, "from");
        read(c, "spend from in year 1e9", spend + "?from=%2B1000000000-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", 400, "from");
        read(c, "spend to before from", spend + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", 400, "to");
        read(c, "spend without from", spend + "?to=2026-01-01T00:00:00Z", 400, "from");
        read(c, "spend of an unknown agent", "/agents/999999999/spend?" + PERIOD, 404, null);
        read(c, "every agent's spend asOf not an instant", "/agents/spend?asOf=now", 400, "asOf");
        read(c, "every agent's spend asOf in year 1e9", "/agents/spend?asOf=%2B1000000000-01-01T00:00:00Z", 400, "asOf");
        read(c, "every agent's spend asOf before 1970", "/agents/spend?asOf=1900-01-01T00:00:00Z", 400, "asOf");
        c.put("read: every agent's spend without a token", new Case(() -> IngestClient.get("/agents/spend", null), 401, null));
        c.put("read: every agent's spend with an ingest token", new Case(() -> IngestClient.get("/agents/spend", f.token), 401, null));
    }

    private void lists(Map<String, Case> c) {
        read(c, "traces of an unknown task", "/tasks/999999999/traces", 404, null);
        read(c, "traces of an unknown agent", "/agents/999999999/traces", 404, null);
        read(c, "agent traces sort unknown", "/agents/" + f.agent + "/traces?sort=evil", 400, "sort");
        read(c, "agent traces order unknown", "/agents/" + f.agent + "/traces?order=sideways", 400, "order");
        read(c, "agent traces offset negative", "/agents/" + f.agent + "/traces?offset=-5", 400, "offset");
        read(c, "top tasks limit zero", "/top-tasks?" + PERIOD + "&limit=0", 400, "limit");
        read(c, "top tasks limit huge", "/top-tasks?" + PERIOD + "&limit=100000", 400, "limit");
    }

    /** Annotation reads: a host token (membership applies) or the ingest token of the trace's agent and board. */
    private void annotations(Map<String, Case> c) {
        read(c, "annotations of a non-UUID trace", "/traces/nope/annotations", 404, "id");
        read(c, "annotations of an unknown trace", "/traces/" + UUID.randomUUID() + "/annotations", 404, null);
        read(c, "annotations of an unknown task", "/tasks/999999999/annotations", 404, null);
        read(c, "annotations of a task id not a number", "/tasks/abc/annotations", 404, null);
        c.put("read: annotations, ingest token of another board's trace", new Case(() ->
                IngestClient.get("/traces/" + f.foreign + "/annotations", f.token), 404, null));
        c.put("read: annotations, ingest token of another agent", new Case(() ->
                IngestClient.get("/traces/" + f.steps + "/annotations", f.otherToken), 404, null));
        c.put("read: annotations, ingest token and a non-UUID trace", new Case(() ->
                IngestClient.get("/traces/nope/annotations", f.token), 404, "id"));
        c.put("read: annotations without a token", new Case(() ->
                IngestClient.get("/traces/" + f.steps + "/annotations", null), 401, null));
        c.put("read: annotations with an unknown ingest token", new Case(() ->
                IngestClient.get("/traces/" + f.steps + "/annotations", "at_nope"), 401, null));
        c.put("read: task annotations with an ingest token", new Case(() ->
                IngestClient.get("/tasks/" + f.taskA + "/annotations", f.token), 401, null));
    }

    private void read(Map<String, Case> c, String name, String path, int status, String field) {
        c.put("read: " + name, new Case(() -> IngestClient.get(path, f.readToken(path)), status, field));
    }
}
