/** Review summary: domain layer (see the review package). */
package dev.agenttraces.traces.review.domain;
