package dev.agenttraces.traces.trace.domain;

import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.Task;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of an agent on a task: retries of a task are separate traces. The totals are maintained by
 * the ingest path in the same transaction that writes the steps, so they are exact and cheap to read.
 * Mapped for queries only: reads select into records (TraceSummary) by JPQL constructor expressions,
 * so the entity has no accessors, and writes go through the trace store's batched JDBC.
 */
@Entity
@Table(name = "trace")
public class Trace {

    @Id
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    private Task task;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agent_id")
    private Agent agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TraceStatus status;

    private String model;
    private String provider;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** When the server inserted the trace row. It never changes, so it is the partition key of the steps (V97). */
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    /** When the server last received this trace's start or new steps: the instant budgets count it at. */
    @Column(name = "received_at", insertable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "step_count")
    private int stepCount;

    @Column(name = "error_count")
    private int errorCount;

    @Embedded
    private TokenCounts tokens = TokenCounts.NONE;

    @Column(name = "cost_usd", precision = 24, scale = 12)
    private BigDecimal costUsd = BigDecimal.ZERO;

    @Column(name = "unpriced_steps")
    private int unpricedSteps;

    protected Trace() {
    }
}
