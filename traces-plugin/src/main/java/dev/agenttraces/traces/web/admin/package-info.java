/**
 * The admin pages: ingest tokens and the price catalogue. Every action re-checks that the viewer
 * is an admin.
 */
package dev.agenttraces.traces.web.admin;
