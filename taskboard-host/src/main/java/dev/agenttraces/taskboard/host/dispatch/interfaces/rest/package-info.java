/**
 * The host's demo agent API (/api/demo): JSON endpoints the simulated agents use to claim, deliver and
 * file tasks; demo-only and token-protected (DemoAgentAccess).
 */
package dev.agenttraces.taskboard.host.dispatch.interfaces.rest;
