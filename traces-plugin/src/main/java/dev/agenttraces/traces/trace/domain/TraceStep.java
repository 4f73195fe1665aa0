package dev.agenttraces.traces.trace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One step of a trace, identified by the trace and the sequence number the client gave it. The key
 * is natural so that replays are idempotent without a lookup table, and writes need no id sequence.
 */
@Entity
@Table(name = "trace_step")
@IdClass(TraceStep.Key.class)
public class TraceStep {

    @Id
    @Column(name = "trace_id")
    private UUID traceId;

    @Id
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StepType type;

    private String content;

    @Column(name = "tool_name")
    private String toolName;

    @Column(name = "tool_input")
    private String toolInput;

    @Column(name = "tool_output")
    private String toolOutput;

    private String model;

    /** The step this one hangs under (same trace), null at the top level. */
    @Column(name = "parent_seq")
    private Integer parentSeq;

    /** The OTLP span the step came from, null for JSON API steps. */
    @Column(name = "span_id", length = 16)
    private String spanId;

    /** A tool call's id as the model gave it, which ties it to the LLM call that asked for it; null when none was sent. */
    @Column(name = "tool_call_id")
    private String toolCallId;

    /** An LLM call's conversation: a JSON array of {role, content}. */
    private String messages;

    @Embedded
    private TokenCounts tokens = TokenCounts.NONE;

    @Column(name = "cost_usd", precision = 24, scale = 12)
    private BigDecimal costUsd;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    /** Its trace's creation instant: the partition key on PostgreSQL (V97), which only the JDBC write path writes. */
    @Column(name = "trace_created_at", insertable = false, updatable = false)
    private Instant traceCreatedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** How many secrets ingest masked in the step's text (0: none). */
    private int redactions;

    protected TraceStep() {
    }

    /** Composite key: (trace, sequence). */
    public static class Key implements Serializable {
        private UUID traceId;
        private int seq;

        public Key() {
        }

        public Key(UUID traceId, int seq) {
            this.traceId = traceId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.traceId, traceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(traceId, seq);
        }
    }
}
