/**
 * Access: who is looking and what they may see. Host-token verification, the viewer of a request
 * (its role and board membership read from the shared tables on every request) and the one
 * board-visibility rule, BoardScope, that every read query applies. Depends on the shared model
 * only; every other capability depends on it.
 */
package dev.agenttraces.traces.access;
