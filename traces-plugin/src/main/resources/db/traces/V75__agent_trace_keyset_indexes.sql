-- Keyset (and offset) pages of an agent's traces, issue 13: one index per sort the API offers, the agent first,
-- then the sort key, then the id that breaks ties. The lists order the id in the key's direction, so each index
-- serves ascending and descending (read backwards). duration_ms is null while a trace runs, and the lists put nulls
-- first when ascending: the index stores them first too. Waste lives in trace_insight and cannot share an
-- index with trace.agent_id; it is read through the join (see docs/SCALE.md).
create index trace_agent_started_id_idx on trace (agent_id, started_at, id);
create index trace_agent_cost_idx on trace (agent_id, cost_usd, id);
create index trace_agent_duration_idx on trace (agent_id, duration_ms nulls first, id);
create index trace_agent_steps_idx on trace (agent_id, step_count, id);
create index trace_agent_status_idx on trace (agent_id, status, id);
-- (agent_id, started_at) is a prefix of the first index above.
drop index trace_agent_idx;
