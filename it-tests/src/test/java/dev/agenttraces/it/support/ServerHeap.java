package dev.agenttraces.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap in use by another JVM on this machine (the suites' Payara Micro), read with the JDK's
 * {@code jcmd} ({@code GC.heap_info}, and {@code GC.run} for a full collection first), without JMX: the bytes
 * used by the heap's generations or regions, Metaspace left out.
 */
public final class ServerHeap {

    /**
     * "used 140252K" after "total" on G1's heap line ("garbage-first heap total reserved …K, committed …K, used …K")
     * and on each generation's line of the serial and parallel collectors ("def new generation total …K, used …K").
     */
    private static final Pattern USED = Pattern.compile("total .*used (\\d+)K");

    private ServerHeap() {
    }

    /** Heap bytes in use right now, garbage included. */
    public static long used(long pid) {
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        for (String line : info.split("\n")) {
            Matcher m = USED.matcher(line);
            if (!line.contains("Metaspace") && !line.contains("class space") && m.find()) {
                used += Long.parseLong(m.group(1)) * 1024;
            }
        }
        if (used == 0) {
            throw new IllegalStateException("No heap figure in jcmd's answer:\n" + info);
        }
        return used;
    }

    /** Heap bytes still in use after a full collection: what the server keeps. */
    public static long usedAfterGc(long pid) {
        jcmd(pid, "GC.run");
        return used(pid);
    }

    private static String jcmd(long pid, String command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
