package dev.agenttraces.taskboard.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A unit of work on a board, done by an agent and, when it requires approval, reviewed by a person.
 * The transitions are kept here so the host's pages, its dispatcher and its API cannot disagree.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "board_id")
    private Board board;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(length = 10000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskStatus status = TaskStatus.TODO;

    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    /** What the agent produced. */
    @Column(name = "output")
    private String output;

    /** The reviewer's reason, when the output was rejected. */
    @Column(name = "feedback", length = 10000)
    private String feedback;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_agent_id")
    private Agent assignee;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Task() {
    }

    public Task(Board board, String title, String description, boolean requiresApproval) {
        this.board = board;
        this.title = title;
        this.description = description;
        this.requiresApproval = requiresApproval;
    }

    /** The agent picked the task up. */
    public void start(Agent agent) {
        requireStatus(TaskStatus.TODO, TaskStatus.REJECTED);
        this.assignee = agent;
        this.status = TaskStatus.IN_PROGRESS;
        this.completedAt = null;
    }

    /** The agent delivered its output: to review when approval is required, else straight to done. */
    public void deliver(String output, Instant at) {
        requireStatus(TaskStatus.IN_PROGRESS);
        this.output = output;
        this.status = requiresApproval ? TaskStatus.REVIEW : TaskStatus.DONE;
        this.completedAt = at;
    }

    public void approve() {
        requireStatus(TaskStatus.REVIEW);
        this.status = TaskStatus.DONE;
        this.feedback = null;
    }

    public void reject(String feedback) {
        requireStatus(TaskStatus.REVIEW);
        if (feedback == null || feedback.isBlank()) {
            throw new IllegalStateException("Rejecting a task needs feedback for the agent.");
        }
        this.status = TaskStatus.REJECTED;
        this.feedback = feedback.strip();
    }

    private void requireStatus(TaskStatus... allowed) {
        for (TaskStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("Task " + id + " is " + status.getLabel() + "; this step is not allowed now.");
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public String getOutput() {
        return output;
    }

    public String getFeedback() {
        return feedback;
    }

    public Agent getAssignee() {
        return assignee;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
