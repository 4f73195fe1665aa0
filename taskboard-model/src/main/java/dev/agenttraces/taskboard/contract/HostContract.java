package dev.agenttraces.taskboard.contract;

import java.util.List;

/**
 * The names both sides of the plugin contract agree on: the host-api version this host implements,
 * its extension points, the context parameters a URL template may use, and the token's claims.
 * See README.md, "The plugin contract".
 */
public final class HostContract {

    /** The host-api version this host implements; descriptors declare the range they accept. */
    public static final String HOST_API_VERSION = "1.0";

    public static final String TASK_PANEL = "task-detail/panel/v1";
    public static final String AGENT_TAB = "agent/tab/v1";
    public static final String COST_WIDGET = "cost-dashboard/widget/v1";
    public static final List<String> EXTENSION_POINTS = List.of(TASK_PANEL, AGENT_TAB, COST_WIDGET);

    public static final String TASK_ID = "task.id";
    public static final String BOARD_ID = "board.id";
    public static final String AGENT_ID = "agent.id";
    public static final List<String> CONTEXT_PARAMETERS = List.of(TASK_ID, BOARD_ID, AGENT_ID);

    /** Claim: the user's roles (MicroProfile JWT's name for them). */
    public static final String CLAIM_ROLES = "groups";

    /**
     * The plugin's batched spend read, relative to its server URL: {@code GET …?asOf=<ISO instant>} answers
     * {@code {asOf, items: [{agentId, from, to, costUsd, unpricedSteps, traces}]}}, every agent's spend in its own
     * budget period containing {@code asOf}, so a host page listing N agents makes one call, not N.
     */
    public static final String ALL_AGENTS_SPEND = "/api/v1/agents/spend";

    /**
     * The subject of the tokens the host signs for its own server-to-server reads (the spend its
     * budget guard asks before each dispatch). Accepted by the plugin only as a Bearer token on its
     * API, never as a frame's URL token, so it can never become a browser session.
     */
    public static final String SERVICE_SUBJECT = "taskboard-host";
    /**
     * The plugin read the host makes when a reviewer rejects a task: {@code GET {plugin server url}} + this path
     * (with {@code {task.id}} replaced), with a service token, answering {@code {"taskId", "feedback", "annotations"}};
     * {@code feedback} is plain text the host appends to the rejection's feedback ("" when nothing was annotated).
     */
    public static final String TASK_ANNOTATIONS_PATH = "/api/v1/tasks/{task.id}/annotations";

    /** Claim: the declared context values the URL was built with, e.g. {"task.id": "42"}. */
    public static final String CLAIM_CONTEXT = "ctx";
    /** Claim: {@link UrlHash} of the URL the token was issued for. */
    public static final String CLAIM_URL_HASH = "uh";

    /** Classpath location of the descriptor schema the host validates against. */
    public static final String DESCRIPTOR_XSD = "/dev/agenttraces/taskboard/contract/plugin-descriptor-1.xsd";
    public static final String DESCRIPTOR_NAMESPACE = "https://agenttraces.dev/ns/taskboard-plugin/1";

    private HostContract() {
    }
}
