/**
 * Review beside Approve / Reject: the summary a reviewer reads above the timeline of a task in Review.
 * {@code domain} holds the records and the median rule, {@code application} builds the summary (using the
 * insight, spend and trace capabilities' application layers), {@code infrastructure} reads the task and the
 * trace's instructions and tools in JPQL.
 */
package dev.agenttraces.traces.review;
