-- Agent Traces: the trace's creation instant on each of its steps (issue 13), H2's side of
-- db/traces-postgresql/V97. On PostgreSQL trace_step is partitioned by month on this column; H2, the demo's
-- database, has no partitioning, so here it is only the same column, kept as the write path writes it everywhere.
alter table trace_step add column trace_created_at timestamp with time zone;
update trace_step set trace_created_at = (select t.created_at from trace t where t.id = trace_step.trace_id);
alter table trace_step alter column trace_created_at set not null;
