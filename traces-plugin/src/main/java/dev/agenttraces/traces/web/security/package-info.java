/**
 * What the plugin tells browsers about its responses: which origin may frame it, where its pages may
 * load from, and that its token-bearing URLs never leave in a Referer. Standalone on purpose: it reads
 * only MicroProfile Config and depends on no other plugin package. See SECURITY.md, "Plugin".
 */
package dev.agenttraces.traces.web.security;
