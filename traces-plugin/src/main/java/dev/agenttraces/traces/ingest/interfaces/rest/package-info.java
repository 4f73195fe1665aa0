/**
 * The JSON ingest API: start, append steps (207 with one result per item), finish; bounded
 * request bodies and the step batch parser.
 */
package dev.agenttraces.traces.ingest.interfaces.rest;
