-- The demo ingest token of databases created before V21 (issue 9). V21 added ingest_token.demo with default
-- false and left unflagged the row that the demo's start-up had already created (created_by 'system', name
-- 'Demo token (agent.traces.demo-ingest-token)', every agent, the published value demo-ingest-token). The
-- start-up (DemoIngestToken, IngestTokens.ensureDemo) revokes only demo rows and, finding that hash present,
-- never created a flagged one: so after an upgrade the published value kept writing on every board with demo
-- mode off. This flags that row, and any token whose value is the published one (the SHA-256 hex below), as
-- demo, so the start-up revocation applies to them. Portable between PostgreSQL and H2 in PostgreSQL mode.

update ingest_token set demo = true
where demo = false
  and ((created_by = 'system' and name like 'Demo token%')
       or token_hash = '556f528d29b294ce894e8af0f6504091ff3b72b2089ad558e711198e5b242a02');
