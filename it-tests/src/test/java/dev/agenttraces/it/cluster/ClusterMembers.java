package dev.agenttraces.it.cluster;

import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TcpRelay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two Payara Micro servers (host + plugin each) clustered with Payara's own Hazelcast, on one PostgreSQL: the
 * set-up the README's "More than one server" describes, kept on 127.0.0.1. Members listen for HTTP on
 * {@code it.cluster.port} and the next port (default: the suites' port + 3 and + 4) and for Hazelcast on
 * {@code it.cluster.hzport} and the next (default: the suites' port + 5 and + 6); each is given both Hazelcast
 * addresses ({@code --clustermode tcpip:…}, no multicast), and {@code --nohostaware} lets a member keep the
 * backup of the other's sessions although both have the same address (Hazelcast's default keeps no backup on a
 * member of the same host). A {@link #balancer()} on {@code it.cluster.balancer-port} (the suites' port + 10) fronts
 * them for the browser. Both start at once, so the pair is ready in about the time of one.
 */
final class ClusterMembers {

    static final int MEMBERS = 2;

    private final String cluster = "taskboard-it-" + ProcessHandle.current().pid();
    private final List<Process> processes = new ArrayList<>();

    /** Starts both members and waits until each answers with the plugin enabled. */
    ClusterMembers start() {
        List<CompletableFuture<Process>> starting = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            int member = m;
            starting.add(CompletableFuture.supplyAsync(() -> launch(member)));
        }
        starting.forEach(f -> processes.add(f.join()));
        return this;
    }

    private Process launch(int member) {
        int port = port(member);
        Process server = TaskboardServer.launch(port, base(member) + "/traces", true, List.of(), Map.of(), List.of(
                "--clustername", cluster, "--startport", String.valueOf(hzPort(member)),
                "--clustermode", "tcpip:127.0.0.1:" + hzPort(0) + ",127.0.0.1:" + hzPort(1),
                "--interfaces", "127.0.0.1", "--nohostaware", "--name", "member-" + member));
        TaskboardServer.awaitReady(server, base(member), TaskboardServer.logFile(port), "\"ENABLED\"");
        return server;
    }

    static int port(int member) {
        return Integer.getInteger("it.cluster.port", TaskboardServer.port() + 3) + member;
    }

    static int hzPort(int member) {
        return Integer.getInteger("it.cluster.hzport", TaskboardServer.port() + 5) + member;
    }

    /** Where the suite's balancer listens ({@code it.cluster.balancer-port}, default the suites' port + 10). */
    static int balancerPort() {
        return Integer.getInteger("it.cluster.balancer-port", TaskboardServer.port() + 10);
    }

    /**
     * A balancer in front of both members, as nginx's {@code proxy_next_upstream error} is: each new connection goes
     * to the first member that accepts it, so a browser stays on the first while it lives and moves to the second.
     */
    TcpRelay balancer() {
        List<Integer> ports = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            ports.add(port(m));
        }
        return TcpRelay.firstAlive(balancerPort(), ports);
    }

    static String base(int member) {
        return "http://localhost:" + port(member);
    }

    Process process(int member) {
        return processes.get(member);
    }

    /** Kills a member as a crash does (SIGKILL), and waits until it is gone. */
    void kill(int member) throws InterruptedException {
        Process p = processes.get(member);
        p.destroyForcibly();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("member " + member + " outlived its SIGKILL");
        }
    }

    void stop() {
        processes.forEach(TaskboardServer::stop);
    }
}
