-- Demo accounts are marked, so that a server with demo mode off can disable them and a server with demo
-- mode on can tell a demo database from a real one. The three users earlier demo seeds created (known
-- username and display name, well-known passwords) are marked too, so an upgraded database that once
-- ran the demo does not keep admin/admin-pass working. Portable between PostgreSQL and H2.
alter table app_user add column demo boolean not null default false;

update app_user set demo = true
 where (username = 'admin' and display_name = 'Ada Admin')
    or (username = 'reviewer' and display_name = 'Rita Reviewer')
    or (username = 'viewer' and display_name = 'Victor Viewer');
