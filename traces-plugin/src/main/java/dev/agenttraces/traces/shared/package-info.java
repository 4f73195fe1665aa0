/**
 * What every capability's application layer may throw: Rejection, a refusal with its HTTP status
 * and the field it names. No dependencies.
 */
package dev.agenttraces.traces.shared;
