/**
 * Spend values, the daily-spend series and the SpendRepository port. May use access.domain and
 * the shared model.
 */
package dev.agenttraces.traces.spend.domain;
