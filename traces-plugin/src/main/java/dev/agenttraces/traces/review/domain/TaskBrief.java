package dev.agenttraces.traces.review.domain;

import dev.agenttraces.taskboard.model.TaskStatus;

import java.io.Serializable;

/**
 * What a reviewer checks the work against: the task as the host keeps it.
 *
 * @param status the host's task status ({@code REVIEW} while it waits for Approve / Reject)
 */
public record TaskBrief(long id, long boardId, String title, String description, TaskStatus status, String output,
                        Long assigneeAgentId) implements Serializable {

    public boolean inReview() {
        return status == TaskStatus.REVIEW;
    }
}
