package dev.agenttraces.traces.web.live;

import dev.agenttraces.traces.trace.domain.TraceChanges;
import dev.agenttraces.traces.trace.domain.TracesWritten;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes "refresh" to the open task panels whose task's traces changed, instead of every panel polling.
 *
 * <p><b>Who is watched.</b> A panel opens a socket of its own ({@link PanelSocket}, one per panel, for its
 * task) and the socket reports its open and close here, so this bean knows the tasks with an open panel on
 * this node and their sockets. Subscription is per task, not per trace, so a trace that starts after the
 * panel opened reaches it too. Nothing of it lives in an HTTP session.
 *
 * <p><b>When to push.</b> A task's version ({@link TraceChanges}: trace count, steps, running count, last
 * completion) is compared with the one last seen. Two things trigger that comparison: a trace-store commit on
 * this node ({@link TracesWritten}, coalesced over {@code agent.traces.live.push-delay-ms}), and a sweep every
 * {@code agent.traces.live.cross-node-check-seconds} that catches steps ingested on <em>another</em> node
 * behind the same load balancer (the version is read from the shared database). The sweep runs only while a
 * panel is open here and is one grouped query for all of them. So a step that reached server A reaches a panel
 * whose socket is on server B, with no broker between them.
 *
 * <p><b>Access.</b> The push carries no data, only "refresh"; the panel's refresh re-reads through the
 * viewer-scoped queries, so a viewer who lost the board sees "Task not found", not the new steps. Only a frame
 * session allowed to see the task at the handshake gets a socket ({@link PanelAdmission}).
 */
@ApplicationScoped
public class LiveUpdates {

    /** The one message ever pushed. */
    static final String REFRESH = "refresh";
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    @Inject
    TraceChanges changes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "agent.traces.live.cross-node-check-seconds", defaultValue = "5")
    int crossNodeSeconds;

    @Inject
    @ConfigProperty(name = "agent.traces.live.push-delay-ms", defaultValue = "200")
    long pushDelayMs;

    private final Map<Long, Set<Session>> openPanels = new ConcurrentHashMap<>();
    private final Map<Long, String> seen = new ConcurrentHashMap<>();
    /** Sockets opened since the last check: each gets its first "refresh" once its task's version is read. */
    private final Map<Session, Long> fresh = new ConcurrentHashMap<>();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private ScheduledFuture<?> sweep;

    /**
     * A panel's socket opened for the task: watch it, and compare soon. That check reads the task's version and only
     * then sends this socket its first "refresh", so the panel's first read comes after the version every later
     * change is compared with: a step committed while the socket opened is either in that read or pushed after it
     * (the page does not refresh by itself on open; a refresh of its own could read before the baseline and miss it).
     */
    void opened(long task, Session socket) {
        openPanels.computeIfAbsent(task, t -> ConcurrentHashMap.newKeySet()).add(socket);
        fresh.put(socket, task);
        startSweep();
        soon();
    }

    /** A panel's socket closed: the task is forgotten with its last socket on this node. */
    void closed(long task, Session socket) {
        fresh.remove(socket);
        if (openPanels.computeIfPresent(task, (t, sockets) -> sockets.remove(socket) && sockets.isEmpty() ? null : sockets) == null) {
            seen.remove(task);
        }
    }

    /** A commit on this node: compare soon, once for a burst of commits. */
    void written(@Observes TracesWritten event) {
        if (!openPanels.isEmpty()) {
            soon();
        }
    }

    private void soon() {
        if (checkQueued.compareAndSet(false, true)) {
            scheduler.schedule(this::check, Math.max(0, pushDelayMs), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void startSweep() {
        if (sweep == null && crossNodeSeconds > 0) {
            sweep = scheduler.scheduleWithFixedDelay(this::check, crossNodeSeconds, crossNodeSeconds, TimeUnit.SECONDS);
        }
    }

    /** Compares every watched task's version with the last one seen and pushes to those that changed. */
    void check() {
        checkQueued.set(false);
        Set<Long> watched = Set.copyOf(openPanels.keySet());
        if (watched.isEmpty()) {
            return;
        }
        try {
            Map<Long, String> now = changes.versions(watched);
            List<Long> changed = new ArrayList<>();
            for (Long task : watched) {
                String version = now.getOrDefault(task, "none");
                String before = seen.put(task, version);
                if (before != null && !before.equals(version)) {
                    changed.add(task);
                }
            }
            changed.forEach(this::push);
            for (Map.Entry<Session, Long> opened : List.copyOf(fresh.entrySet())) {
                if (watched.contains(opened.getValue())) {
                    send(opened.getKey());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live update check failed; the next commit or sweep tries again", e);
        }
    }

    /** Sends "refresh" to every socket of the task on this node, without waiting for any of them. */
    private void push(Long task) {
        for (Session socket : openPanels.getOrDefault(task, Set.of())) {
            send(socket);
        }
    }

    private void send(Session socket) {
        fresh.remove(socket);
        if (socket.isOpen()) {
            try {
                socket.getAsyncRemote().sendText(REFRESH);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A live panel socket refused a push; its page reconnects", e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
