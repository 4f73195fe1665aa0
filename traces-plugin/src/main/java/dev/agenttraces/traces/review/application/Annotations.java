package dev.agenttraces.traces.review.application;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.trace.domain.TraceRepository;
import dev.agenttraces.traces.review.domain.Annotation;
import dev.agenttraces.traces.review.domain.AnnotationLabel;
import dev.agenttraces.traces.review.domain.AnnotationRepository;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reviewers' annotations on steps: written by a reviewer (or admin) who can see the trace's board, read by
 * whoever can see the trace, by the agent through its ingest token, and by the host when a task is rejected
 * (the feedback text of {@link #feedback(long)}).
 */
@RequestScoped
public class Annotations {

    @Inject
    ViewerAccess access;
    @Inject
    TraceQueries traces;
    @Inject
    AnnotationRepository repository;
    @Inject
    TraceRepository all;

    /** Annotates a step of a trace the viewer can see; 403 for a viewer who is not a reviewer, 400 for bad input. */
    public void annotate(UUID traceId, int seq, AnnotationLabel label, String note) {
        if (!access.isSignedIn() || !repository.mayReview(access.username())) {
            throw Rejection.forbidden("Only reviewers may annotate steps.");
        }
        TraceSummary trace = traces.trace(traceId).orElseThrow(() -> Rejection.notFound("There is no trace " + traceId + "."));
        if (seq < 1 || traces.steps(trace.id()).detail(seq, 1).isEmpty()) {
            throw Rejection.invalid("seq", "Trace " + traceId + " has no step " + seq + ".");
        }
        if (label == null) {
            throw Rejection.invalid("label", "Choose a label.");
        }
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > Annotation.MAX_NOTE) {
            throw Rejection.invalid("note", "A note has at most " + Annotation.MAX_NOTE + " characters.");
        }
        repository.add(trace.id(), seq, label, text == null || text.isEmpty() ? null : text, access.username(), Instant.now());
    }

    /** Whether the viewer may annotate (a reviewer or admin). */
    public boolean mayAnnotate() {
        return access.isSignedIn() && repository.mayReview(access.username());
    }

    /** The annotations of a trace the viewer can see (views: empty when it cannot). */
    public List<Annotation> ofTrace(UUID traceId) {
        return traces.trace(traceId).map(t -> repository.ofTrace(t.id())).orElse(List.of());
    }

    /** The annotations of a trace already read through a scope (the API's, or an ingest token's check). */
    public List<Annotation> ofVisibleTrace(TraceSummary trace) {
        return repository.ofTrace(trace.id());
    }

    /** The annotations of a trace, for an API reader with a host token (404 when it cannot see the trace). */
    public List<Annotation> ofApiTrace(UUID traceId) {
        return repository.ofTrace(traces.export(traceId, 0, 1).trace().id());
    }

    /**
     * The annotations of a trace, for its agent: the ingest token must be allowed to write for the trace's agent on
     * its task's board. Anything else is answered as absent (404), like a trace on a board the reader cannot see.
     */
    public List<Annotation> forAgent(TokenScope token, UUID traceId) {
        TraceSummary trace = all.trace(traceId, BoardScope.everything())
                .filter(t -> token.mayWriteFor(t.agentId()))
                .filter(t -> all.task(t.taskId(), BoardScope.everything()).map(k -> token.mayWriteOn(k.boardId())).orElse(false))
                .orElseThrow(() -> Rejection.notFound("There is no trace " + traceId + " this ingest token may read."));
        return repository.ofTrace(trace.id());
    }

    /** A task's annotated steps, and the feedback text they make. */
    public record TaskFeedback(String text, List<Annotation> annotations) {
    }

    /**
     * The annotated steps of a task's traces as feedback text for the agent, newest trace first; empty text when
     * nothing is annotated. An API read: 401 without a host token, 404 for a task the reader cannot see.
     */
    public TaskFeedback feedback(long taskId) {
        List<Annotation> found = new ArrayList<>();
        for (TraceSummary trace : traces.taskTraces(taskId)) {
            found.addAll(repository.ofTrace(trace.id()));
        }
        return new TaskFeedback(found.isEmpty() ? "" : "Annotated steps:\n"
                + String.join("\n", found.stream().map(Annotation::feedbackLine).toList()), found);
    }
}
