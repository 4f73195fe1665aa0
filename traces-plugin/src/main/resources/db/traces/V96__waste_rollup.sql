-- Agent Traces: the cost of flagged steps ("waste", trace_insight.waste_cost_usd) per agent, day of trace start and
-- board, in the spend rollup the cost widget already reads (issue 13). The widget's waste column summed
-- trace_insight over every trace of the period, which reads O(traces): at 1,000,000 traces in 90 days it read
-- them all. The insight writer keeps this column exact in the transaction that replaces a trace's insight row,
-- through the same before/after share as every other rollup change (trace/infrastructure/SpendRollups.java), and
-- retention subtracts a removed trace's waste with its cost. Wide like cost_usd (V81): a sum of many traces.
-- Portable between PostgreSQL and H2 in PostgreSQL mode (a correlated subquery, not UPDATE … FROM).

alter table spend_agent_day add column waste_usd numeric(38, 12) not null default 0;

update spend_agent_day r set waste_usd = coalesce((
    select sum(i.waste_cost_usd)
    from trace t join task k on k.id = t.task_id join trace_insight i on i.trace_id = t.id
    where t.agent_id = r.agent_id and k.board_id = r.board_id
      and cast(t.started_at at time zone 'UTC' as date) = r.spend_day), 0);
