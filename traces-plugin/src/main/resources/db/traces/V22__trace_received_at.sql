-- When the server last received anything for a trace (its start, or a batch that stored new steps).
-- Budgets count a trace's spend in the period that holds this instant, never by the client-chosen
-- started_at: a back-dated trace could otherwise hide its spend in a past period (issue 9). Existing
-- traces take their creation time, their true receive time.
alter table trace add column received_at timestamp with time zone;
update trace set received_at = created_at;
alter table trace alter column received_at set not null;
alter table trace alter column received_at set default current_timestamp;
create index trace_agent_received_idx on trace (agent_id, received_at);
