/**
 * The spend API: an agent's spend in a period (the host's budget check calls it) and the top
 * tasks by cost.
 */
package dev.agenttraces.traces.spend.interfaces.rest;
