package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.contract.HostContract;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Discovers the configured plugins by fetching {@code {base}/plugin-descriptor.xml}, at start, every
 * few seconds while a plugin is pending or unreachable, every {@code taskboard.plugins.refresh-seconds}
 * once enabled, and when an admin asks. Pages only ever read the in-memory result, so a slow or dead
 * plugin never blocks a host page; a bad descriptor disables that plugin alone.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "taskboard.plugins.refresh-seconds", defaultValue = "300")
    long refreshSeconds;

    @Inject
    @ConfigProperty(name = "taskboard.plugins.fetch-timeout-ms", defaultValue = "3000")
    long fetchTimeoutMs;

    @Inject
    PluginBaseUrls plugins;

    @Inject
    PluginRegistrations registrations;

    /** Where the readiness check reads the states (it must not call this EJB while it initialises). */
    @Inject
    PluginReadiness readiness;

    private final Map<String, PluginState> states = new ConcurrentHashMap<>();
    private final DescriptorParser parser = new DescriptorParser(HostContract.HOST_API_VERSION);
    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(fetchTimeoutMs)).build();
        Map<String, byte[]> stored = registrations.load();
        for (String base : plugins.all()) {
            states.put(base, new PluginState(base, PluginState.Status.PENDING, lastGood(stored.get(base)),
                    "Not fetched yet", Instant.now()));
        }
        readiness.publish(states());
    }

    /** Retries pending and unreachable plugins quickly, and refreshes enabled ones now and then. */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        Instant now = Instant.now();
        for (PluginState s : states.values()) {
            boolean stale = s.checkedAt().isBefore(now.minusSeconds(refreshSeconds));
            if (s.status() == PluginState.Status.PENDING || s.status() == PluginState.Status.UNREACHABLE || stale) {
                refresh(s.serverUrl());
            }
        }
    }

    /** Fetches every plugin's descriptor again (the admin page's "Refresh"). */
    public void refreshAll() {
        states.keySet().forEach(this::refresh);
    }

    PluginState refresh(String base) {
        PluginState previous = states.get(base);
        PluginState next;
        try {
            HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create(base + "/plugin-descriptor.xml"))
                    .timeout(Duration.ofMillis(fetchTimeoutMs)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                next = unreachable(base, previous, "Descriptor request answered HTTP " + resp.statusCode());
            } else {
                PluginDescriptor d = parser.parse(resp.body());
                next = new PluginState(base, PluginState.Status.ENABLED, d, null, Instant.now());
                if (previous == null || previous.status() != PluginState.Status.ENABLED
                        || !d.equals(previous.descriptor())) {
                    registrations.save(base, d.key(), resp.body());
                }
            }
        } catch (InvalidDescriptorException e) {
            next = new PluginState(base, PluginState.Status.DISABLED, null, e.getMessage(), Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return previous;
        } catch (Exception e) {
            next = unreachable(base, previous, "Descriptor cannot be fetched: " + e);
        }
        log(previous, next);
        states.put(base, next);
        readiness.publish(states());
        return next;
    }

    /** A stored descriptor, re-validated: the host may have changed since it was stored. */
    private PluginDescriptor lastGood(byte[] stored) {
        try {
            return stored == null ? null : parser.parse(stored);
        } catch (InvalidDescriptorException e) {
            return null;
        }
    }

    private static PluginState unreachable(String base, PluginState previous, String reason) {
        PluginDescriptor lastGood = previous == null ? null : previous.descriptor();
        return new PluginState(base, PluginState.Status.UNREACHABLE, lastGood, reason, Instant.now());
    }

    private static void log(PluginState previous, PluginState next) {
        boolean changed = previous == null || previous.status() != next.status()
                || (next.reason() != null && !next.reason().equals(previous.reason()));
        if (changed && next.status() != PluginState.Status.ENABLED) {
            LOG.log(next.status() == PluginState.Status.DISABLED ? Level.SEVERE : Level.WARNING,
                    "Plugin at {0} is {1}: {2}", new Object[]{next.serverUrl(), next.status(), next.reason()});
        } else if (changed) {
            LOG.info(() -> "Plugin " + next.descriptor().key() + " " + next.descriptor().version() + " enabled from "
                    + next.serverUrl());
        }
    }

    public List<PluginState> states() {
        return states.values().stream().sorted(Comparator.comparing(PluginState::serverUrl)).toList();
    }

    /** Extensions of a point from plugins with a descriptor (enabled, or unreachable with a last good one). */
    public List<Extension> extensionsFor(String point) {
        return states.values().stream()
                .filter(s -> s.descriptor() != null && s.status() != PluginState.Status.DISABLED)
                .flatMap(s -> s.descriptor().extensions().stream())
                .filter(e -> e.point().equals(point))
                .sorted(Comparator.comparingInt(Extension::weight).thenComparing(Extension::key))
                .toList();
    }

    public boolean isAvailable(String pluginKey) {
        return states.values().stream().anyMatch(s -> s.isEnabled() && s.descriptor().key().equals(pluginKey));
    }

    /** The key of the plugin whose base URL serves {@code url} (the token audience), once discovered. */
    public java.util.Optional<String> pluginKeyFor(URI url) {
        String path = url.getRawPath();
        return states.values().stream()
                .filter(s -> s.descriptor() != null)
                .filter(s -> path.startsWith(URI.create(s.serverUrl()).getRawPath() + "/")
                        || path.startsWith(URI.create(s.descriptor().baseUrl()).getRawPath() + "/"))
                .map(s -> s.descriptor().key())
                .findFirst();
    }
}
