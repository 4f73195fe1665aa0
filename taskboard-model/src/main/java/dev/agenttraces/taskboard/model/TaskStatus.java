package dev.agenttraces.taskboard.model;

/**
 * The life of a task: To Do, In Progress, Review, Done; or Rejected, with the reviewer's feedback.
 */
public enum TaskStatus {
    TODO("To Do"),
    IN_PROGRESS("In Progress"),
    REVIEW("Review"),
    DONE("Done"),
    REJECTED("Rejected");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** Whether the agent has finished its work, so that its trace is worth reviewing. */
    public boolean isWorkFinished() {
        return this == REVIEW || this == DONE || this == REJECTED;
    }
}
