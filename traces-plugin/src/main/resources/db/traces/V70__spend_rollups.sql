-- Spend rollups (issue 13): sums of trace totals per UTC day, kept exact in the transaction that changes a
-- trace's totals (ingest, OTLP, recompute; see trace/infrastructure/SpendRollups.java), so the cost widget,
-- the agent tab's gauge and chart and the host's budget check read a few rows per day instead of every trace.
-- Days are UTC dates: the widget's and the budget's periods start at 00:00 UTC (BudgetPeriod, CostWidget).
-- board_id is kept in every row so the viewer's board scope applies without joining tasks.
-- Portable between PostgreSQL and H2 in PostgreSQL mode (AT TIME ZONE and CAST AS DATE exist in both; the
-- column is spend_day because DAY is a reserved word in H2).

-- Per agent and day of trace START (spend by agent, daily spend).
create table spend_agent_day (
    agent_id       bigint          not null,
    spend_day            date            not null,
    board_id       bigint          not null,
    cost_usd       numeric(24, 12) not null default 0,
    traces         bigint          not null default 0,
    unpriced_steps bigint          not null default 0,
    primary key (agent_id, spend_day, board_id)
);
create index spend_agent_day_day_idx on spend_agent_day (spend_day, agent_id);

-- Per agent and day of trace RECEIVE time (the budget period's spend, which the host asks before each
-- dispatch; see V22: a back-dated trace cannot hide its spend in a past period).
create table spend_agent_received_day (
    agent_id       bigint          not null,
    spend_day            date            not null,
    board_id       bigint          not null,
    cost_usd       numeric(24, 12) not null default 0,
    traces         bigint          not null default 0,
    unpriced_steps bigint          not null default 0,
    primary key (agent_id, spend_day, board_id)
);

-- Per task and day of trace start (top tasks by cost).
create table spend_task_day (
    task_id        bigint          not null,
    spend_day            date            not null,
    board_id       bigint          not null,
    cost_usd       numeric(24, 12) not null default 0,
    traces         bigint          not null default 0,
    steps          bigint          not null default 0,
    tokens         numeric(30, 0)  not null default 0,
    unpriced_steps bigint          not null default 0,
    primary key (task_id, spend_day)
);
create index spend_task_day_day_idx on spend_task_day (spend_day, task_id);

-- Backfill from the traces already stored (the same sums SpendRollupsIT checks against).
insert into spend_agent_day (agent_id, spend_day, board_id, cost_usd, traces, unpriced_steps)
select t.agent_id, cast(t.started_at at time zone 'UTC' as date), k.board_id, sum(t.cost_usd), count(*), sum(t.unpriced_steps)
from trace t join task k on k.id = t.task_id
group by t.agent_id, cast(t.started_at at time zone 'UTC' as date), k.board_id;

insert into spend_agent_received_day (agent_id, spend_day, board_id, cost_usd, traces, unpriced_steps)
select t.agent_id, cast(t.received_at at time zone 'UTC' as date), k.board_id, sum(t.cost_usd), count(*), sum(t.unpriced_steps)
from trace t join task k on k.id = t.task_id
group by t.agent_id, cast(t.received_at at time zone 'UTC' as date), k.board_id;

insert into spend_task_day (task_id, spend_day, board_id, cost_usd, traces, steps, tokens, unpriced_steps)
select t.task_id, cast(t.started_at at time zone 'UTC' as date), k.board_id, sum(t.cost_usd), count(*), sum(t.step_count),
       sum(cast(t.input_tokens as numeric(30, 0)) + t.cached_input_tokens + t.cache_creation_tokens + t.output_tokens
           + t.reasoning_tokens), sum(t.unpriced_steps)
from trace t join task k on k.id = t.task_id
group by t.task_id, cast(t.started_at at time zone 'UTC' as date), k.board_id;
