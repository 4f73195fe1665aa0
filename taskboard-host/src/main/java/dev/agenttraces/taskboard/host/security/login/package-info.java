/**
 * Signing in to the host: the identity store over the shared user tables, the PBKDF2 hashes it reads
 * and writes (re-hashing weaker ones on a successful login), and the throttle that slows password
 * guessing per username and per client address. Why each exists is in SECURITY.md.
 */
package dev.agenttraces.taskboard.host.security.login;
