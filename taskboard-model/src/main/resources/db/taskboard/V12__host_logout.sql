-- When each user last logged out of the host. Part of the host contract: a plugin that shares the
-- database cannot see the host's session end otherwise, so it refuses (and ends) any plugin session
-- whose identity the host vouched for at or before this instant. Written by the host's logout,
-- one row per user (the latest logout). Portable between PostgreSQL and H2 in PostgreSQL mode.
create table host_logout (
    username      varchar(100)             primary key,
    logged_out_at timestamp with time zone not null
);
