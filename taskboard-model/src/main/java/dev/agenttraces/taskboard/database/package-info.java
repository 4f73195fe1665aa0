/**
 * The one database the host and the plugin share: what both WARs' connection pools agree on
 * ({@link dev.agenttraces.taskboard.database.SharedDatabase}) and how each WAR migrates its own tables
 * ({@link dev.agenttraces.taskboard.database.OwnSchema}). Either side uses it without the other.
 */
package dev.agenttraces.taskboard.database;
