-- Profiles (kept from auth.users, read by teammates), the creator reading a workspace they
-- just created, and what is published to Realtime: from the outside, as each kind of caller.
begin;
set search_path = extensions, public;
select plan(16);
select tests.without_demo_data();
select tests.two_workspaces();

-- ---------- profiles follow auth.users
select is((select email from public.profiles where id = tests.user_id('member-a')), 'member-a@a.test',
  'a new auth user gets a profile with their email');
update auth.users set raw_user_meta_data = '{"full_name": "Mia Member", "avatar_url": "https://cdn.example/m.png"}'
  where id = tests.user_id('member-a');
select results_eq($$ select display_name, avatar_url from public.profiles where id = tests.user_id('member-a') $$,
  $$ values ('Mia Member', 'https://cdn.example/m.png') $$, 'name and avatar follow the sign-up metadata');
update auth.users set raw_user_meta_data = '{"avatar_url": "javascript:alert(1)"}' where id = tests.user_id('member-a');
select is((select avatar_url from public.profiles where id = tests.user_id('member-a')), 'https://cdn.example/m.png',
  'an avatar that is not an https URL is not taken');

-- ---------- who reads whose profile
select tests.authenticate_as('viewer-a');
select results_eq($$ select count(*)::int from public.profiles $$, $$ values (4) $$,
  'a viewer of A reads the profiles of A''s four members');
select is_empty($$ select 1 from public.profiles where id in (tests.user_id('owner-b'), tests.user_id('member-b')) $$,
  'and none of B''s');
select results_eq($$ select m.role::text, p.display_name from public.workspace_members m join public.profiles p on p.id = m.user_id
                     where m.user_id = tests.user_id('member-a') $$,
  $$ values ('member', 'Mia Member') $$, 'member lists join profiles');
select is_empty($$ update public.profiles set display_name = 'hacked' where id = tests.user_id('member-a') returning id $$,
  'nobody changes a teammate''s profile');
select throws_ok($$ update public.profiles set email = 'x@evil.test' where id = tests.user_id('viewer-a') $$,
  '42501', null, 'nor their own email (it follows auth.users)');
select lives_ok($$ update public.profiles set display_name = 'Vic' where id = tests.user_id('viewer-a') $$,
  'users rename themselves');
select tests.authenticate_as('member-b');
select is((select count(*)::int from public.profiles), 2, 'B''s member reads only B''s two profiles');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.profiles $$, '42501', null, 'anon reads no profile');

-- ---------- the creator reads the workspace they are creating, in that statement only
select tests.authenticate_as('member-b');
select results_eq($$ insert into public.workspaces (name, slug) values ('New', 'new-ws') returning slug, created_by $$,
  $$ values ('new-ws', tests.user_id('member-b')) $$,
  'insert ... returning works for the creator (what PostgREST''s insert().select() sends)');
select tests.authenticate_as('member-a');
select is_empty($$ select 1 from public.workspaces where slug = 'new-ws' $$, 'another user does not see it');
select tests.clear_authentication();
select is((select role::text from public.workspace_members m join public.workspaces w on w.id = m.workspace_id
           where w.slug = 'new-ws'), 'owner', 'the creator became its owner');

-- ---------- realtime
select results_eq($$ select tablename::text collate "C" from pg_publication_tables
                     where pubname = 'supabase_realtime' and tablename in ('workspace_members', 'integration_connections', 'webhook_deliveries')
                     order by 1 $$,
  $$ values ('integration_connections'::text collate "C"), ('webhook_deliveries'), ('workspace_members') $$,
  'memberships, connections and deliveries are published to Realtime');
select ok((select relrowsecurity from pg_class where oid = 'public.webhook_deliveries'::regclass)
          and exists (select 1 from pg_policies where tablename = 'webhook_deliveries' and roles = '{authenticated}'),
  'and RLS (admins only for deliveries) decides who receives their changes');

select * from finish();
rollback;
