/**
 * How spend is reached from outside the plugin.
 */
package dev.agenttraces.traces.spend.interfaces;
