/**
 * Host-token verification against the host's JWK Set, contract settings from MicroProfile Config,
 * and the request viewer that reads roles and membership from the shared tables.
 */
package dev.agenttraces.traces.access.infrastructure;
