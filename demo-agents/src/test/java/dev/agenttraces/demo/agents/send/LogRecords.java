package dev.agenttraces.demo.agents.send;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What one class logged (java.util.logging) while a test ran, as "LEVEL message"; close to stop listening. */
final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    final List<String> lines = new CopyOnWriteArrayList<>();

    LogRecords(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** The lines logged at {@code level}. */
    List<String> at(Level level) {
        return lines.stream().filter(l -> l.startsWith(level.getName() + " ")).toList();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel().getName() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
