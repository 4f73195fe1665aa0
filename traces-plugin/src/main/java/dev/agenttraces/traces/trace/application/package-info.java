/**
 * TraceQueries: the read use cases for the API (401 without a viewer, 404 for what is not
 * visible) and for the views (empty answers), always through the viewer's board scope.
 */
package dev.agenttraces.traces.trace.application;
