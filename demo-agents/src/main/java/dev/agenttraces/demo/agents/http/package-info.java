/**
 * JSON over java.net.http with a Bearer token, shared by the host and plugin clients.
 */
package dev.agenttraces.demo.agents.http;
