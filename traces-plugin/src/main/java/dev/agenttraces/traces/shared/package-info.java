/**
 * What every capability's application layer may throw: Rejection, a refusal with its HTTP status
 * and the field it names; and StorableUnicode, the rule for text the database can store. No dependencies.
 */
package dev.agenttraces.traces.shared;
