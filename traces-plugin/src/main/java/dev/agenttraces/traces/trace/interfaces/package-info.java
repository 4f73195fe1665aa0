/**
 * How traces are reached from outside the plugin.
 */
package dev.agenttraces.traces.trace.interfaces;
