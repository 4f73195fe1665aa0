/**
 * The REST application's plumbing shared by every capability's resources: the JAX-RS application,
 * problem+json answers and their exception mappers, and the JSON-P provider resolved once.
 */
package dev.agenttraces.traces.api;
