/**
 * The host's demo agent API as the simulator sees it: agents, boards, tasks, claim, deliver, file a task.
 */
package dev.agenttraces.demo.agents.host;
