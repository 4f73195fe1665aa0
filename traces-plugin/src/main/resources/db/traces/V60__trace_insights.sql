-- Agent Traces: the insight flags of each trace (issue 12), kept as steps arrive so lists can filter and sort
-- by them. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- One row a trace: the detectors' totals, and what they were computed from. A row whose settings_fingerprint
-- differs from the running settings', or whose step_count differs from the trace's, is stale and recomputed.
create table trace_insight (
    trace_id             uuid                     primary key references trace (id) on delete cascade,
    settings_fingerprint varchar(16)              not null,
    step_count           integer                  not null,
    last_seq             integer                  not null,
    redundant_count      integer                  not null default 0,
    redundant_cost_usd   numeric(24, 12)          not null default 0,
    loop_count           integer                  not null default 0,
    loop_cost_usd        numeric(24, 12)          not null default 0,
    retry_count          integer                  not null default 0,
    ends_in_error        boolean                  not null default false,
    failed_after_retries boolean                  not null default false,
    -- what leaving out the loops' repeats and the redundant calls outside them would have saved
    waste_cost_usd       numeric(24, 12)          not null default 0,
    computed_at          timestamp with time zone not null
);

create index trace_insight_waste_idx on trace_insight (waste_cost_usd);

-- The flags on steps: one row a flag. REDUNDANT (ref_seq = the call it repeats, cost = saveable),
-- LOOP (on the loop's first step; end_seq = last step of the span, repetitions, cost = the repeats' cost),
-- RETRY (ref_seq = the failed call, repetitions = attempt), TOP_COST (cost = the step's).
create table trace_step_flag (
    trace_id    uuid            not null references trace (id) on delete cascade,
    seq         integer         not null,
    flag        varchar(20)     not null,
    end_seq     integer         not null,
    ref_seq     integer,
    repetitions integer,
    cost_usd    numeric(24, 12) not null default 0,
    primary key (trace_id, seq, flag),
    constraint trace_step_flag_ck check (flag in ('REDUNDANT', 'LOOP', 'RETRY', 'TOP_COST'))
);

-- A page of the timeline asks for the flags whose span [seq, end_seq] meets the page.
create index trace_step_flag_end_idx on trace_step_flag (trace_id, end_seq);
