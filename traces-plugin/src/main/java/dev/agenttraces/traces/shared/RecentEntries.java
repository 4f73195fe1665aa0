package dev.agenttraces.traces.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, thread-safe map that forgets its least recently used entry beyond {@code capacity}: what the
 * trace reads keep of the traces people are looking at (insight accumulators, cost shares, review facts), so the memory they
 * take is fixed however many traces exist. Every server keeps its own; an entry is only a shortcut to what
 * the database holds, so losing one costs a re-read, never a wrong answer.
 */
public final class RecentEntries<K, V> {

    private final Map<K, V> entries;

    public RecentEntries(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    /**
     * The entry of {@code key}, computed outside the lock when missing (two readers may both compute it; the
     * computation is a read, so either answer is right).
     */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V known = get(key);
        if (known != null) {
            return known;
        }
        V computed = compute.apply(key);
        put(key, computed);
        return computed;
    }
}
