/**
 * The admin pages: ingest tokens, the price catalogue and retention. Every action re-checks that the viewer
 * is an admin.
 */
package dev.agenttraces.traces.web.admin;
