-- Agent Traces: redaction at ingest (issue 13, "Retention and redaction"). Ingest masks secrets in a step's
-- text before it is hashed or stored (ingest's StepRedaction) and counts them here, so the timeline can mark
-- the step "redacted". 0 for every step stored before, and for steps nothing was masked in. Portable between
-- PostgreSQL (a constant default adds the column without rewriting the table) and H2 in PostgreSQL mode.
alter table trace_step add column redactions integer not null default 0;
alter table trace_step add constraint trace_step_redactions_ck check (redactions >= 0);
