/**
 * SpendReport: spend, ranking and budget standing for the API (validated, problem answers) and
 * the views, within the viewer's board scope.
 */
package dev.agenttraces.traces.spend.application;
