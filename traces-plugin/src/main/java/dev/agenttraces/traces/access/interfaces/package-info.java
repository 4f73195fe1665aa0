/**
 * The servlet filter at the plugin's front door: it establishes the viewer of each request from a
 * host token on the URL, in a Bearer header, or in the frame's session.
 */
package dev.agenttraces.traces.access.interfaces;
