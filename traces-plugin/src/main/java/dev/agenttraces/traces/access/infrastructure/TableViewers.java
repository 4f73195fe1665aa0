package dev.agenttraces.traces.access.infrastructure;

import dev.agenttraces.traces.access.domain.Viewer;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.domain.Viewers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The {@link Viewers} port over the host's tables ({@link TableViewer}). */
@ApplicationScoped
public class TableViewers implements Viewers {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Override
    public Viewer of(ViewerIdentity identity) {
        return new TableViewer(em, identity);
    }
}
