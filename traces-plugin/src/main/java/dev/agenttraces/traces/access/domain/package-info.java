/**
 * The viewer and the board scope: plain values and the Viewer port. Uses nothing outside the JDK.
 */
package dev.agenttraces.traces.access.domain;
