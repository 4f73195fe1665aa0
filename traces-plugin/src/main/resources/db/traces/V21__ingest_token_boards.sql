-- Ingest tokens bound to boards (issue 9): a token may start traces only on tasks of its boards
-- (ingest_token_board), or of every board (all_boards), and, when assigned_tasks_only is set, only on
-- tasks assigned to the agent it writes for. Tokens created before this migration keep every board, as
-- they could before. The demo token is flagged demo, so it is revoked at start when demo mode is off.
-- Portable between PostgreSQL and H2 in PostgreSQL mode.

alter table ingest_token add column all_boards boolean not null default true;
alter table ingest_token add column assigned_tasks_only boolean not null default false;
alter table ingest_token add column demo boolean not null default false;

create table ingest_token_board (
    token_id bigint not null references ingest_token (id) on delete cascade,
    board_id bigint not null references board (id) on delete cascade,
    primary key (token_id, board_id)
);

create index ingest_token_board_board_idx on ingest_token_board (board_id);
