/**
 * Durability scenarios that need a server of their own: the database taken away during ingest and given back
 * (a restart, through a TCP relay), with what was acknowledged checked in the database afterwards.
 */
package dev.agenttraces.it.durability;
