/**
 * The Faces views shown in the host's iframes: the task panel, the agent tab and the cost widget,
 * their lazy data models, the formatting rules pages use as fmt, and the step-output servlet.
 * Beans hold small records, never managed entities.
 */
package dev.agenttraces.traces.web;
