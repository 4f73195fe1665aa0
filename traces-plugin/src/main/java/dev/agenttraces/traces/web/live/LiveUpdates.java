package dev.agenttraces.traces.web.live;

import dev.agenttraces.traces.trace.domain.TraceChanges;
import dev.agenttraces.traces.trace.domain.TracesWritten;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
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
 * <p><b>Who is watched.</b> A panel opens a Faces websocket on channel {@link #CHANNEL} with its task id as
 * the websocket's user; the Faces runtime reports each open and close, so this bean knows the tasks with
 * an open panel on this node. Subscription is per task, not per trace, so a trace that starts after the
 * panel opened reaches it too.
 *
 * <p><b>When to push.</b> A task's version ({@link TraceChanges}: trace count, steps, running count, last
 * completion) is compared with the one last seen. Two things trigger that comparison: a trace-store commit on
 * this node ({@link TracesWritten}, coalesced over {@code agent.traces.live.push-delay-ms}), and a sweep every
 * {@code agent.traces.live.cross-node-check-seconds} that catches steps ingested on <em>another</em> node
 * behind the same load balancer (the version is read from the shared database). The sweep runs only while a
 * panel is open here and is one grouped query for all of them.
 *
 * <p><b>Access.</b> The push carries no data, only "refresh"; the panel's refresh re-reads through the
 * viewer-scoped queries, so a viewer who lost the board sees "Task not found", not the new steps. Only a page
 * the viewer was allowed to render holds the (session-bound, unguessable) channel id.
 */
@ApplicationScoped
public class LiveUpdates {

    /** The websocket channel of the task panels. */
    public static final String CHANNEL = "task";
    /** The one message ever pushed. */
    static final String REFRESH = "refresh";
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    @Inject
    @Push(channel = CHANNEL)
    PushContext panels;

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

    private final Map<Long, Integer> openPanels = new ConcurrentHashMap<>();
    private final Map<Long, String> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private ScheduledFuture<?> sweep;

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof Long task) {
            openPanels.merge(task, 1, Integer::sum);
            startSweep();
            soon();
        }
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof Long task
                && openPanels.computeIfPresent(task, (t, n) -> n > 1 ? n - 1 : null) == null) {
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
            if (!changed.isEmpty()) {
                panels.send(REFRESH, changed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live update check failed; the next commit or sweep tries again", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
