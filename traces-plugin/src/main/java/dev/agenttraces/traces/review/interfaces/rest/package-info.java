/** The review capability's REST reads: annotations by trace and task. */
package dev.agenttraces.traces.review.interfaces.rest;
