/** Review summary: application layer (see the review package). */
package dev.agenttraces.traces.review.application;
