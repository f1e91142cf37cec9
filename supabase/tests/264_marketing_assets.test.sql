-- The marketing-assets bucket (digital_assets' files) from the outside: objects inserted and read
-- as different users, as the Storage API does. Viewers read their workspace's files, members
-- upload, replace and delete them; another workspace, anon and a viewer's upload are refused;
-- uploads count against the workspace's usage.
begin;
set search_path = extensions, public;
select plan(10);

select tests.two_workspaces();

select tests.authenticate_as('member-a');
select lives_ok($$ insert into storage.objects (bucket_id, name, owner, metadata) values
  ('marketing-assets', tests.workspace_id('A') || '/brand/logo.svg', tests.user_id('member-a'), '{"size": 251}') $$,
  'a member uploads a logo into their workspace''s folder');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('marketing-assets', tests.workspace_id('B') || '/brand/logo.svg') $$, '42501', null,
  'but not into another workspace''s folder');
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('marketing-assets', 'logo.svg') $$, '42501', null,
  'nor outside any workspace folder');

select tests.authenticate_as('viewer-a');
select results_eq($$ select name from storage.objects where bucket_id = 'marketing-assets' $$,
  $$ values (tests.workspace_id('A') || '/brand/logo.svg') $$, 'a viewer reads their workspace''s files');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('marketing-assets', tests.workspace_id('A') || '/brand/other.svg') $$, '42501', null, 'a viewer cannot upload');
select is_empty($$ update storage.objects set metadata = '{"size": 1}' where bucket_id = 'marketing-assets' returning id $$,
  'nor replace one');

select tests.authenticate_as('owner-b');
select is_empty($$ select * from storage.objects where bucket_id = 'marketing-assets' $$,
  'another workspace''s owner reads nothing');

select tests.authenticate_as_anon();
select is_empty($$ select * from storage.objects where bucket_id = 'marketing-assets' $$, 'anon reads nothing');

reset role;
select is((select bytes from public.workspace_storage_usage
           where workspace_id = tests.workspace_id('A') and bucket_id = 'marketing-assets'), 251::bigint,
  'the upload counts against the workspace''s storage usage');

select tests.authenticate_as('member-a');
set local storage.allow_delete_query = 'true';
select results_eq($$ delete from storage.objects where bucket_id = 'marketing-assets' returning name $$,
  $$ values (tests.workspace_id('A') || '/brand/logo.svg') $$, 'a member deletes their workspace''s file');

select * from finish();
rollback;
