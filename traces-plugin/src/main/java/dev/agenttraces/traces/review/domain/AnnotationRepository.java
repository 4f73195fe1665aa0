package dev.agenttraces.traces.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where annotations are kept. */
public interface AnnotationRepository {

    void add(UUID trace, int seq, AnnotationLabel label, String note, String author, Instant at);

    /** The trace's annotations in step order, then oldest first. */
    List<Annotation> ofTrace(UUID trace);

    /** Whether the user holds the REVIEWER or ADMIN role in the host. */
    boolean mayReview(String username);
}
