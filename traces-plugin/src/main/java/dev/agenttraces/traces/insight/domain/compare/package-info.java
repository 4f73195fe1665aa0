/**
 * Compare of two traces: an edit-distance alignment of their steps by type and tool, per-pair deltas of
 * tokens, cost and duration, and a bounded Myers diff of changed arguments and texts.
 * Like {@code insight.domain}, whose {@code InsightStep} and {@code CanonicalJson} it uses, it needs the JDK only.
 */
package dev.agenttraces.traces.insight.domain.compare;
