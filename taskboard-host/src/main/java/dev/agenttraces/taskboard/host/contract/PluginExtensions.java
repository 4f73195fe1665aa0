package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.contract.HostContract;
import dev.agenttraces.taskboard.contract.UrlHash;
import dev.agenttraces.taskboard.model.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the host's pages use to embed plugins: the extensions of a point, and for each a frame URL
 * carrying a fresh token for the signed-in user. Context values are only ever those the page itself
 * passes, and the URL's {placeholders} must have been declared by the plugin.
 */
@Named
@RequestScoped
public class PluginExtensions {

    @Inject
    PluginRegistry registry;

    @Inject
    HostTokenIssuer issuer;

    @Inject
    HttpServletRequest request;

    public List<Extension> forPoint(String point) {
        return registry.extensionsFor(point);
    }

    public boolean isAvailable(Extension extension) {
        return registry.isAvailable(extension.pluginKey());
    }

    /**
     * The URL the browser should load for this extension, with its token; {@code null} when nobody is
     * signed in or a declared context value is missing (the page then shows the placeholder).
     */
    public String frameUrl(Extension extension, Object taskId, Object boardId, Object agentId) {
        if (request.getUserPrincipal() == null) {
            return null;
        }
        Map<String, String> context = new LinkedHashMap<>();
        put(context, HostContract.TASK_ID, taskId);
        put(context, HostContract.BOARD_ID, boardId);
        put(context, HostContract.AGENT_ID, agentId);
        context.keySet().retainAll(extension.contextParams());
        if (!context.keySet().containsAll(extension.contextParams())) {
            return null;
        }
        String path = extension.urlTemplate();
        for (Map.Entry<String, String> e : context.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        String url = extension.baseUrl() + path;
        URI uri = URI.create(url.startsWith("/") ? "http://host" + url : url);
        String token = issuer.issue(extension.pluginKey(), request.getUserPrincipal().getName(), roles(), context, uri);
        return url + (url.contains("?") ? "&" : "?") + UrlHash.TOKEN_PARAMETER + "=" + token;
    }

    private Set<String> roles() {
        return EnumSet.allOf(Role.class).stream().filter(r -> request.isUserInRole(r.name()))
                .map(Role::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void put(Map<String, String> context, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            context.put(name, value.toString());
        }
    }
}
