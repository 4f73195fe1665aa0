-- The last good descriptor of each configured plugin, so that after a restart with a plugin down the
-- host still knows its extensions and shows their placeholders instead of silently dropping them.
create table plugin_registration (
    server_url varchar(1000)            primary key,
    plugin_key varchar(100)             not null,
    descriptor varchar                  not null,
    fetched_at timestamp with time zone not null
);
