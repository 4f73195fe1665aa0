package dev.agenttraces.traces.web;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.trace.domain.TaskRef;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.StepDetail;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.web.live.PanelMarks;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The panel the host shows on its task detail page (extension point task-detail/panel/v1): the
 * task's traces, one of them open as a header and a lazily paged timeline of its steps. While it is open,
 * its socket ({@code web.live.PanelSocket}, {@code LiveUpdates}) is pushed "refresh" when the task's traces change;
 * {@link #refresh()} then re-reads everything through the viewer-scoped queries.
 */
@Named
@ViewScoped
public class TaskPanel implements Serializable {

    @Inject
    TraceQueries queries;
    @Inject
    ViewerAccess access;
    @Inject
    ViewSettings settings;

    private Long taskId;
    private String traceParam;
    private TaskRef task;
    private List<TraceSummary> traces = List.of();
    private TraceSummary selected;
    private StepsModel steps;
    private StepType[] types = new StepType[0];
    private String search;
    private int first;
    private Integer focusSeq;
    /**
     * Expanded steps read in this view, a cache only: transient, so the session that holds the view (replicated
     * across servers, SCALE.md) never carries a step's text, which may be a megabyte of tool input. After a
     * failover the view reads them again by seq.
     */
    private transient Map<Integer, StepDetail> details;
    /** Collapsed branches of the open trace's tree, kept across refreshes and filter changes. */
    private final Set<Integer> collapsed = new HashSet<>();
    /** Expanded steps and the "New steps" marker of the open trace, kept across live refreshes. */
    private final PanelMarks marks = new PanelMarks();

    /** View action: reads the task and its traces once per view. */
    public void load() {
        if (taskId == null) {
            return;
        }
        task = queries.task(taskId).orElse(null);
        if (task == null) {
            return;
        }
        traces = queries.tracesOfTask(taskId);
        Optional<TraceSummary> wanted = traces.stream().filter(t -> t.id().toString().equals(traceParam)).findFirst();
        if (wanted.isPresent()) {
            open(wanted.get());
        } else if (traces.size() == 1) {
            open(traces.get(0));
        }
    }

    /** Opens one of the task's traces (ids not in the list are ignored). */
    public void select(String id) {
        traces.stream().filter(t -> t.id().toString().equals(id)).findFirst().ifPresent(this::open);
    }

    public void close() {
        selected = null;
        steps = null;
    }

    private void open(TraceSummary trace) {
        selected = trace;
        collapsed.clear();
        types = new StepType[0];
        search = null;
        focusSeq = null;
        applyFilter();
        marks.opened(stepsOfSelected());
    }

    /**
     * Pushed "refresh" (or the socket's first open): re-reads the task (access is checked again: a viewer
     * who lost the board sees "Task not found"), its traces and, when the open trace changed, the timeline,
     * marking the steps that arrived. A trace that started after the page opened is opened if it is the only one.
     */
    public void refresh() {
        if (task == null) { // a view without its state (or a task not visible): the whole panel, read afresh
            taskId = taskId != null ? taskId : PanelAjax.requested("task").filter(v -> v.matches("[0-9]+")).map(Long::valueOf).orElse(null);
            traceParam = PanelAjax.requested("trace").orElse(null);
            load();
            PrimeFaces.current().ajax().update("f");
            return;
        }
        task = queries.task(taskId).orElse(null);
        if (task == null) {
            traces = List.of();
            close();
            PrimeFaces.current().ajax().update("f");
            return;
        }
        int before = selected == null ? -1 : selected.stepCount();
        TraceStatus statusBefore = selected == null ? null : selected.status();
        traces = queries.tracesOfTask(taskId);
        if (selected == null && traces.size() == 1) {
            open(traces.get(0));
            marks.appeared(stepsOfSelected());
            PrimeFaces.current().ajax().update("f:tools", "f:timeline");
        } else if (selected != null) {
            UUID id = selected.id();
            selected = traces.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
            if (selected != null && (selected.stepCount() != before || selected.status() != statusBefore)) {
                marks.arrived(stepsOfSelected());
                steps = newSteps(filter());
                PrimeFaces.current().ajax().update("f:timeline");
            }
        }
    }

    public void applyFilter() {
        first = 0;
        PanelAjax.pageTable("f:steps", first);
        details = null;
        steps = selected == null ? null : newSteps(filter());
    }

    public void jumpToNextError() {
        if (selected != null) {
            stepsOfSelected().nextError(focusSeq == null ? Integer.MIN_VALUE : focusSeq).ifPresentOrElse(this::focus,
                    () -> PanelAjax.notice("No errors in this trace."));
        }
    }

    public void jumpToMostExpensive() {
        if (selected != null) {
            stepsOfSelected().mostExpensive().ifPresentOrElse(this::focus,
                    () -> PanelAjax.notice("No priced steps in this trace."));
        }
    }

    /** Shows a step the flags header links to (clearing a filter that hides it). */
    public void jumpTo(int seq) {
        if (selected != null) {
            focus(seq);
        }
    }

    private void focus(int seq) {
        StepFilter f = filter();
        if (!f.isEmpty() && stepsOfSelected().detail(seq, 1).filter(this::matchesTypes).isEmpty()) {
            types = new StepType[0];
            search = null;
            f = filter();
        }
        steps = newSteps(f);
        long index = steps.indexOf(seq);
        first = (int) (index / getPageSize()) * getPageSize();
        focusSeq = seq;
        PanelAjax.pageTable("f:steps", first);
        PanelAjax.scrollToFocus();
    }

    private boolean matchesTypes(StepDetail d) {
        return (types.length == 0 || List.of(types).contains(d.type())) && (search == null || search.isBlank());
    }

    private TraceQueries.TraceSteps stepsOfSelected() {
        return queries.steps(selected);
    }

    private StepsModel newSteps(StepFilter f) {
        return new StepsModel(stepsOfSelected(), selected.stepCount(), f, collapsed);
    }

    private StepFilter filter() {
        return new StepFilter(types.length == 0 ? null : EnumSet.copyOf(List.of(types)), search);
    }

    /** The expanded form of a step, read once per view. */
    public StepDetail detail(int seq) {
        if (selected == null) {
            return null;
        }
        if (details == null) {
            details = new HashMap<>();
        }
        return details.computeIfAbsent(seq, s -> stepsOfSelected().detail(s, settings.outputPreviewChars()).orElse(null));
    }

    /** Collapses or expands a branch of the tree. */
    public void toggle(int seq) {
        if (steps != null) {
            steps.toggle(seq);
        }
    }

    /** The task's run before this one (the list is newest first), to compare with; null for the first run. */
    public TraceSummary previous(TraceSummary trace) {
        int i = traces.indexOf(trace);
        return i < 0 || i + 1 >= traces.size() ? null : traces.get(i + 1);
    }

    public String rowClass(int seq, StepType type) {
        String focus = focusSeq != null && focusSeq == seq ? " at-focus" : "";
        String branch = steps != null && steps.hasChildren(seq) ? " at-parent" : "";
        String fresh = marks.isNew(seq) ? " at-new" : "";
        return "at-step " + Formats.typeClass(type) + branch + focus + fresh;
    }

    public StepType[] getStepTypes() {
        return StepType.values();
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public String getTraceParam() {
        return traceParam;
    }

    public void setTraceParam(String traceParam) {
        this.traceParam = traceParam;
    }

    public TaskRef getTask() {
        return task;
    }

    public List<TraceSummary> getTraces() {
        return traces;
    }

    public TraceSummary getSelected() {
        return selected;
    }

    public StepsModel getSteps() {
        return steps;
    }

    public StepType[] getTypes() {
        return types.clone();
    }

    public void setTypes(StepType[] types) {
        this.types = types == null ? new StepType[0] : types.clone();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public int getFirst() {
        return first;
    }

    public void setFirst(int first) {
        this.first = first;
    }

    public Integer getFocusSeq() {
        return focusSeq;
    }

    public int getPageSize() {
        return settings.pageSize();
    }

    public PanelMarks getMarks() {
        return marks;
    }

    public boolean isSignedIn() {
        return access.isSignedIn();
    }
}
