-- Agent Traces: trace_step partitioned by month (issue 13). PostgreSQL only: H2, the demo's database, has no table
-- partitioning and takes db/traces-h2/V97 instead, which adds the same column unpartitioned. See docs/SCALE.md,
-- "Partitions".
--
-- The partition key is the trace's creation instant, copied into each of its steps as trace_created_at. It is the
-- server's clock when the trace row was inserted and is never updated, so every step of a trace lands in one
-- partition, chosen before the step is written, and (trace_id, seq) stays unique across the table although
-- PostgreSQL can only enforce keys that hold the partition key. A step's own started_at would not do: a trace's
-- steps would spread over months. The trace's started_at would not either: the client chooses it and OTLP moves it
-- as earlier spans arrive.
--
-- The trace table itself is not partitioned: its id is chosen by the client and must stay unique for all time,
-- which a partitioned table can only enforce with the partition key inside the key, and it holds a twentieth of the
-- rows and none of the text.
--
-- Existing steps are copied into the new table in this migration's transaction: on a large database it takes a
-- while, in proportion to the steps, and ingest waits for it.

create index trace_created_idx on trace (created_at);

-- Names free for the new table: the old one keeps its constraints and indexes until it is dropped below.
alter table trace_step rename to trace_step_unpartitioned;

create table trace_step (
    like trace_step_unpartitioned including defaults including constraints,
    trace_created_at timestamp with time zone not null
) partition by range (trace_created_at);

-- Every row has a partition whatever its key: a month with no partition of its own (a clock far off, a month the
-- maintenance did not create ahead) lands here. The maintenance (trace/infrastructure/StepPartitions.java) creates
-- each month's partition months ahead, so this one stays empty in practice.
create table trace_step_default partition of trace_step default;

-- The partition of the month that holds the instant (in UTC), created when missing; returns its name. Called by this
-- migration, by the maintenance and by the scale-data generator. Concurrent callers are harmless: the loser's
-- "already exists" is swallowed. A default partition that holds rows of that month makes the creation fail; the
-- caller logs it, and those rows stay, correctly, in the default partition.
create function trace_step_month_partition(instant timestamp with time zone) returns text language plpgsql as $$
declare
    month_start timestamp := date_trunc('month', instant at time zone 'UTC');
    partition_name text := 'trace_step_' || to_char(month_start, 'YYYY_MM');
begin
    if to_regclass(partition_name) is null then
        begin
            execute format('create table %I partition of trace_step for values from (%L) to (%L)', partition_name,
                           month_start at time zone 'UTC', (month_start + interval '1 month') at time zone 'UTC');
        exception when duplicate_table then
            null;
        end;
    end if;
    return partition_name;
end
$$;

-- A partition for every month from the oldest trace's to two months ahead, then the steps, each with its trace's
-- creation instant.
select trace_step_month_partition(m at time zone 'UTC') from generate_series(
    date_trunc('month', coalesce((select min(created_at) from trace), current_timestamp) at time zone 'UTC'),
    date_trunc('month', current_timestamp at time zone 'UTC') + interval '2 months',
    interval '1 month') m;

insert into trace_step select s.*, t.created_at from trace_step_unpartitioned s join trace t on t.id = s.trace_id;
drop table trace_step_unpartitioned;

-- The keys hold the partition key, as PostgreSQL requires; since a trace's steps share it, (trace_id, seq) and
-- (trace_id, span_id) are unique as before.
alter table trace_step add constraint trace_step_pkey primary key (trace_id, seq, trace_created_at);
alter table trace_step add constraint trace_step_trace_id_fkey foreign key (trace_id) references trace (id)
    on delete cascade;
create unique index trace_step_span_uk on trace_step (trace_id, span_id, trace_created_at);
create index trace_step_parent_idx on trace_step (trace_id, parent_seq, parent_span_id);

analyze trace_step;
