-- Spend rollup costs wide enough for their sums (issue 9). A trace's cost is numeric(24, 12), below 10^12 USD
-- (TraceCapacity refuses a step or span that would reach it), but a rollup row sums every trace of its agent,
-- day and board (or task and day): two traces of 7.5 * 10^11 USD overflowed numeric(24, 12) and the ingest that
-- stored the second answered 500. numeric(38, 12) holds 10^26 USD, the sum of at least 10^14 traces at the
-- per-trace cap in one row, so no row can overflow. SpendRollups casts to the same type.
-- Portable between PostgreSQL and H2 in PostgreSQL mode (SET DATA TYPE keeps the default and NOT NULL).

alter table spend_agent_day alter column cost_usd set data type numeric(38, 12);
alter table spend_agent_received_day alter column cost_usd set data type numeric(38, 12);
alter table spend_task_day alter column cost_usd set data type numeric(38, 12);
