-- An admin's "override & resume": the agent keeps working over budget until the end of the current
-- budget period, after which the normal rule (pause when the period's spend reaches the budget) applies
-- again. Null means no override. Portable between PostgreSQL and H2 in PostgreSQL mode.
alter table agent add column budget_override_until timestamp with time zone;
