/**
 * The HTTP headers that tell browsers what host pages may load, frame and leak: a Content-Security-Policy
 * built from the discovered plugins' origins, a Referrer-Policy, and nosniff. See SECURITY.md.
 */
package dev.agenttraces.taskboard.host.security.headers;
