/**
 * Entities, the values every reader sees (TraceSummary, StepRow, StepDetail, StepRecord) and the
 * ports TraceRepository (reads) and TraceStore (writes). May use access.domain; nothing of
 * application, infrastructure or web.
 */
package dev.agenttraces.traces.trace.domain;
