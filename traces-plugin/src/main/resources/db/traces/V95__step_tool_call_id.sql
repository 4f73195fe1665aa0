-- Agent Traces: a tool call's id (issue 10). OTLP's gen_ai.tool.call.id (or the JSON API's toolCallId) is the id
-- the model gave the call in its reply; it ties a tool call to the LLM call that asked for it, and the step
-- detail shows it. Null for every other step and for tool calls sent without one. Unbounded like messages, so
-- no id an instrumentation sends is refused for its length. Portable between PostgreSQL and H2 in PostgreSQL
-- mode; adding a nullable column without a default rewrites nothing.
alter table trace_step add column tool_call_id varchar;
