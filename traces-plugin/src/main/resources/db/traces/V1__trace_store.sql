-- Agent Traces: the trace store. Portable between PostgreSQL and H2 in PostgreSQL mode.
-- Version ranges so parallel work never collides: V1–V9 store, V10–V19 pricing, V20–V29 ingest,
-- V30–V39 views/analysis.
--
-- Token convention (stored form): input_tokens counts only uncached input; cached_input_tokens counts
-- the cached part. A token is therefore counted exactly once. Ingest accepts both client conventions
-- and normalises to this one.

create table trace (
    id                  uuid                     primary key,
    task_id             bigint                   not null references task (id),
    agent_id            bigint                   not null references agent (id),
    status              varchar(20)              not null,
    model               varchar(200),
    provider            varchar(100),
    started_at          timestamp with time zone not null,
    completed_at        timestamp with time zone,
    duration_ms         bigint,
    error_message       varchar(10000),
    -- Totals, kept exact and current as steps arrive (the dashboards never sum steps).
    step_count          integer                  not null default 0,
    error_count         integer                  not null default 0,
    input_tokens        bigint                   not null default 0,
    output_tokens       bigint                   not null default 0,
    cached_input_tokens bigint                   not null default 0,
    reasoning_tokens    bigint                   not null default 0,
    cost_usd            numeric(24, 12)          not null default 0,
    unpriced_steps      integer                  not null default 0,
    created_at          timestamp with time zone not null default current_timestamp,
    constraint trace_status_ck check (status in ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'))
);

create index trace_task_idx on trace (task_id, started_at);
create index trace_agent_idx on trace (agent_id, started_at);
create index trace_started_idx on trace (started_at);

create table trace_step (
    trace_id            uuid                     not null references trace (id) on delete cascade,
    seq                 integer                  not null,
    type                varchar(20)              not null,
    content             varchar,
    tool_name           varchar(200),
    tool_input          varchar,
    tool_output         varchar,
    model               varchar(200),
    input_tokens        bigint                   not null default 0,
    output_tokens       bigint                   not null default 0,
    cached_input_tokens bigint                   not null default 0,
    reasoning_tokens    bigint                   not null default 0,
    -- null when no catalogue entry matched the step's model: shown as "unpriced", never as $0.
    cost_usd            numeric(24, 12),
    started_at          timestamp with time zone not null,
    duration_ms         bigint,
    -- SHA-256 (hex) of the step as sent, so a replay is recognised as a duplicate and a different
    -- step under the same sequence as a conflict.
    content_hash        varchar(64)              not null,
    primary key (trace_id, seq),
    constraint trace_step_type_ck check (type in ('REASONING', 'TOOL_CALL', 'TOOL_RESULT', 'ERROR', 'SYSTEM')),
    constraint trace_step_tokens_ck check (input_tokens >= 0 and output_tokens >= 0
        and cached_input_tokens >= 0 and reasoning_tokens >= 0)
);
