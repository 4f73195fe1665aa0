package dev.agenttraces.taskboard.host.dispatch.application;

import dev.agenttraces.taskboard.model.Task;

/** Plausible output for the demo agents, so the board and task pages have something to show. */
final class DemoOutput {

    private DemoOutput() {
    }

    static String forTask(Task task) {
        String agent = task.getAssignee() == null ? "The agent" : task.getAssignee().getName();
        return agent + " worked on \"" + task.getTitle() + "\".\n\n"
                + "Summary: analysed the request, made the change in small steps and checked each one.\n"
                + "- Read the relevant code and notes\n"
                + "- Implemented the change\n"
                + "- Ran the checks; all passed\n\n"
                + (task.isRequiresApproval() ? "Ready for review." : "Done; no approval needed.");
    }
}
