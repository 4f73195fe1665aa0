package dev.agenttraces.it.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a process's resident set size (Linux {@code /proc/<pid>/status}, VmRSS) every 200 ms on a daemon
 * thread, for the ingest benchmark's memory figure (issue 13: the server under 1 GiB RSS).
 */
final class ServerRss {

    private final Thread sampler;
    private volatile long max;
    private volatile boolean running = true;

    private ServerRss(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        sampler = new Thread(() -> {
            while (running) {
                max = Math.max(max, read(status));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ServerRss sample(long pid) {
        return new ServerRss(pid);
    }

    /** Stops sampling; the largest RSS seen, in bytes (0 when the process could not be read). */
    long stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        return max;
    }

    private static long read(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
