-- Agent Traces: step trees, OTLP span identity and cache-write tokens (issue 10).
-- V21 rather than a number in the V1–V9 store range: V20 is already applied on existing databases, and
-- Flyway refuses a resolved migration older than the latest applied one. Portable between PostgreSQL and
-- H2 in PostgreSQL mode (no partial indexes, no IF EXISTS on constraints).

-- A step may have a parent step of the same trace (an LLM call under its agent, a tool call under the LLM
-- call that asked for it, a tool result under its call). Null: a top-level step. The JSON API accepts a
-- parentSeq lower than the step's own seq; OTLP fills it from the span's parent.
alter table trace_step add column parent_seq integer;

-- OTLP: the span a step came from (16 lower-case hex characters) and that span's parent, so a child that
-- arrived before its parent gets its parent_seq once the parent arrives. Null for JSON API steps and for a
-- span's secondary steps (a tool result, reasoning, an error), which hang under the span's first step.
alter table trace_step add column span_id varchar(16);
alter table trace_step add column parent_span_id varchar(16);

-- An LLM call's conversation: a JSON array of {"role", "content"}, system instructions first.
alter table trace_step add column messages varchar;

-- The fifth token count: tokens written to the provider's prompt cache (Anthropic bills them at a premium).
-- Stored convention stays "every token counted once": input excludes cached reads AND cache writes.
alter table trace_step add column cache_creation_tokens bigint not null default 0;
alter table trace add column cache_creation_tokens bigint not null default 0;

alter table trace_step drop constraint trace_step_tokens_ck;
alter table trace_step add constraint trace_step_tokens_ck check (input_tokens >= 0 and output_tokens >= 0
    and cached_input_tokens >= 0 and reasoning_tokens >= 0 and cache_creation_tokens >= 0);

alter table trace_step drop constraint trace_step_type_ck;
alter table trace_step add constraint trace_step_type_ck check (type in ('REASONING', 'TOOL_CALL', 'TOOL_RESULT',
    'ERROR', 'SYSTEM', 'LLM_CALL', 'AGENT'));

-- One step per (trace, span): a re-sent OTLP span finds its step instead of counting twice. A plain unique
-- index serves as "where span_id is not null" in both databases, since NULLs never collide in a unique index.
create unique index trace_step_span_uk on trace_step (trace_id, span_id);
-- Children waiting for a parent span that has not arrived yet (parent_seq is null, parent_span_id = ?), and
-- "does this trace have a tree at all" (parent_seq is not null) for the timeline, without reading every step.
create index trace_step_parent_idx on trace_step (trace_id, parent_seq, parent_span_id);

-- Cache-write price per 1M tokens; null = the input price (no premium assumed), as cached_input falls back.
alter table model_price add column cache_creation_per_mtok numeric(18, 6);
alter table model_price_tier add column cache_creation_per_mtok numeric(18, 6);
alter table model_price add constraint model_price_cache_write_ck
    check (cache_creation_per_mtok is null or cache_creation_per_mtok >= 0);
alter table model_price_tier add constraint model_price_tier_cache_write_ck
    check (cache_creation_per_mtok is null or cache_creation_per_mtok >= 0);

-- Anthropic's 5-minute cache writes cost 1.25 × the input price (list prices as of 2026-11-24, verify).
update model_price set cache_creation_per_mtok = input_per_mtok * 1.25 where provider = 'anthropic';
update model_price_tier set cache_creation_per_mtok = input_per_mtok * 1.25
    where price_id in (select id from model_price where provider = 'anthropic');
