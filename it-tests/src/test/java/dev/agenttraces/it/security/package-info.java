/**
 * Issue 9's security suites: plugin sessions bound to the host's (frame token once, expiry, renewal, host
 * logout), the hostile-input suite over every endpoint, and the access matrix of pages and APIs by user and board.
 */
package dev.agenttraces.it.security;
