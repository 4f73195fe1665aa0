package dev.agenttraces.taskboard.host.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Where the configured plugins are: {@code taskboard.plugins}, a comma-separated list of base URLs, read in one
 * place for the registry (which fetches each one's descriptor) and the server-to-server calls (which use the
 * first). Each base comes without surrounding blanks or trailing slashes; blank entries are dropped.
 */
@ApplicationScoped
public class PluginBaseUrls {

    @Inject
    @ConfigProperty(name = "taskboard.plugins", defaultValue = "http://localhost:8080/traces")
    List<String> configured;

    public List<String> all() {
        return configured.stream().map(PluginBaseUrls::base).filter(b -> !b.isEmpty()).toList();
    }

    /** The first plugin's base URL ("" when none is configured). */
    public String first() {
        return all().stream().findFirst().orElse("");
    }

    /** A base URL without surrounding blanks and trailing slashes. */
    static String base(String url) {
        return url.strip().replaceAll("/+$", "");
    }
}
