package dev.agenttraces.traces.retention.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One board's line of the admin preview: its own setting (null = global), the days in force (0 = kept forever),
 * the cutoff of the next run (null when kept forever) and what that run would remove.
 */
public record RetentionPreview(BoardPolicy board, int days, Instant cutoff, Removable removable) implements Serializable {

    public boolean keptForever() {
        return cutoff == null;
    }
}
