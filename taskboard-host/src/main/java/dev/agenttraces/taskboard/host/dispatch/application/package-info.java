/**
 * Who moves tasks in the demo: the built-in dispatcher (a timer that delivers canned output), or outside
 * agents through AgentWork; both get work only when the budget guard clears them.
 */
package dev.agenttraces.taskboard.host.dispatch.application;
