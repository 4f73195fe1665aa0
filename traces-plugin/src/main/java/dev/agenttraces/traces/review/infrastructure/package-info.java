/** Review summary: infrastructure layer (see the review package). */
package dev.agenttraces.traces.review.infrastructure;
