-- Test helpers, kept in the repo. This file runs first (pg_prove and `supabase test db` sort
-- files by name) and commits, so every later file can act as a named user, anon or service_role
-- exactly as PostgREST does: a role plus request.jwt.claims, local to the transaction.
--
-- Users and workspaces are addressed by name, never by a UUID literal:
--   select tests.two_workspaces();             -- A: owner-a, admin-a, member-a, viewer-a; B: owner-b, member-b
--   select tests.authenticate_as('member-a');  -- or an email, or a user id as text
--   select tests.user_id('viewer-a'), tests.workspace_id('A');
--   select tests.create_user('dana');          -- dana@test.local
--   select tests.create_workspace('C', 'dana'); select tests.add_member('C', 'erin', 'viewer');
--   select tests.workspace_id('demo-brand');   -- the demo seed's workspace; its users are owner@demo.test ...
-- Other rows are found by their natural keys, or remembered under a label when they have none:
--   with r as (insert ... returning id) select tests.remember('first run', id) from r;  ... tests.id('first run')
--   select tests.label(run_id) from ...       -- 'first run': results that name rows by their labels
begin;
create extension if not exists pgtap with schema extensions;
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- A user in auth.users; returns its id. A bare name becomes <name>@test.local.
create or replace function tests.create_user(p_email text, p_id uuid default gen_random_uuid())
returns uuid
language sql security definer set search_path = '' as $$
  insert into auth.users (id, email, aud, role, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (p_id, lower(case when p_email like '%@%' then p_email else p_email || '@test.local' end),
          'authenticated', 'authenticated', '{"provider":"email"}', '{}', now(), now())
  returning id
$$;

-- A user's id by name (the part of the email before @), by email, or by id as text.
create or replace function tests.user_id(p_user text)
returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  found_id uuid;
  n integer;
begin
  if p_user ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select u.id into found_id from auth.users u where u.id = p_user::uuid;
    n := case when found_id is null then 0 else 1 end;
  else
    select min(u.id::text)::uuid, count(*) into found_id, n from auth.users u
    where u.email = lower(p_user) or (p_user not like '%@%' and split_part(u.email, '@', 1) = lower(p_user));
  end if;
  if n = 0 then
    raise exception 'tests.user_id: no user %', p_user;
  elsif n > 1 then
    raise exception 'tests.user_id: % names % users; use the email', p_user, n;
  end if;
  return found_id;
end $$;

-- A workspace's id by name, slug, or id as text.
create or replace function tests.workspace_id(p_workspace text)
returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  found_id uuid;
  n integer;
begin
  select min(w.id::text)::uuid, count(*) into found_id, n from public.workspaces w
  where w.name = p_workspace or w.slug = p_workspace or w.id::text = lower(p_workspace);
  if n <> 1 then
    raise exception 'tests.workspace_id: % names % workspaces', p_workspace, n;
  end if;
  return found_id;
end $$;

-- A workspace owned by a named user (created if missing); slug ws-<name lowercased>.
create or replace function tests.create_workspace(p_name text, p_owner text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  owner_id uuid;
  ws uuid;
begin
  begin
    owner_id := tests.user_id(p_owner);
  exception when raise_exception then
    owner_id := tests.create_user(p_owner);
  end;
  insert into public.workspaces (name, slug, created_by)
  values (p_name, 'ws-' || regexp_replace(lower(p_name), '[^a-z0-9]+', '-', 'g'), owner_id)
  returning id into ws;
  return ws;
end $$;

-- Adds a named user (created if missing) to a workspace with a role.
create or replace function tests.add_member(p_workspace text, p_user text, p_role public.workspace_role)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid;
begin
  begin
    uid := tests.user_id(p_user);
  exception when raise_exception then
    uid := tests.create_user(p_user);
  end;
  insert into public.workspace_members (workspace_id, user_id, role)
  values (tests.workspace_id(p_workspace), uid, p_role);
  return uid;
end $$;

-- Act as a signed-in user (by name, email or id) for the rest of the transaction.
create or replace function tests.authenticate_as(p_user text, p_aal text default 'aal1')
returns void
language plpgsql set search_path = '' as $$
declare
  uid uuid;
  e text;
begin
  perform set_config('role', 'none', true);
  uid := tests.user_id(p_user);
  select u.email into e from auth.users u where u.id = uid;
  perform set_config('request.jwt.claims', jsonb_build_object(
    'sub', uid, 'email', e, 'role', 'authenticated', 'aud', 'authenticated',
    'aal', p_aal, 'is_anonymous', false)::text, true);
  perform set_config('role', 'authenticated', true);
end $$;

create or replace function tests.authenticate_as(p_user uuid, p_aal text default 'aal1')
returns void
language sql set search_path = '' as $$
  select tests.authenticate_as(p_user::text, p_aal)
$$;

-- Act as the anon key (storefront widgets, logged-out visitors).
create or replace function tests.authenticate_as_anon()
returns void
language plpgsql set search_path = '' as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '{"role":"anon"}', true);
  perform set_config('role', 'anon', true);
end $$;

-- Act as the service_role key (edge functions after verifying a provider, cron workers).
create or replace function tests.authenticate_as_service_role()
returns void
language plpgsql set search_path = '' as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '{"role":"service_role"}', true);
  perform set_config('role', 'service_role', true);
end $$;

-- Back to the session user (the table owner) with no claims.
create or replace function tests.clear_authentication()
returns void
language plpgsql set search_path = '' as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end $$;

-- The standard fixture: workspace A (slug ws-a) with owner-a, admin-a, member-a and viewer-a;
-- workspace B (ws-b) with owner-b and member-b; emails <name>@<a|b>.test. The ids are fixed
-- (users 00000000-0000-4000-8000-0000000000<a1|a2|a3|a4|b1|b2>, workspaces a0000000-... and
-- b0000000-...) only so that failures read the same from run to run; tests use the names.
create or replace function tests.two_workspaces()
returns void
language plpgsql security definer set search_path = '' as $$
declare
  u record;
begin
  for u in select * from (values ('a1', 'owner-a@a.test'), ('a2', 'admin-a@a.test'), ('a3', 'member-a@a.test'),
                                 ('a4', 'viewer-a@a.test'), ('b1', 'owner-b@b.test'), ('b2', 'member-b@b.test')) v (k, email) loop
    perform tests.create_user(u.email, ('00000000-0000-4000-8000-0000000000' || u.k)::uuid);
  end loop;
  insert into public.workspaces (id, name, slug, created_by) values
    ('a0000000-0000-4000-8000-000000000000', 'A', 'ws-a', tests.user_id('owner-a')),
    ('b0000000-0000-4000-8000-000000000000', 'B', 'ws-b', tests.user_id('owner-b'));
  perform tests.add_member('A', 'admin-a', 'admin');
  perform tests.add_member('A', 'member-a', 'member');
  perform tests.add_member('A', 'viewer-a', 'viewer');
  perform tests.add_member('B', 'member-b', 'member');
end $$;

-- Rows a test creates and has no natural key to find them by, under a label the test chooses:
--   with r as (insert into public.agent_runs (...) values (...) returning id) select tests.remember('cx run', id) from r;
--   ... where id = tests.id('cx run')
-- The labels live in a temporary table of the session, so they go with the file's transaction.
create or replace function tests.remember(p_label text, p_id uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
begin
  if p_id is null then
    raise exception 'tests.remember: % has no id', p_label;
  end if;
  if to_regclass('pg_temp.test_ids') is null then
    create temp table test_ids (label text primary key, id uuid not null);
  end if;
  insert into pg_temp.test_ids (label, id) values (p_label, p_id);
  return p_id;
end $$;

-- Fresh ids for labels, ascending in the order the labels are given, for a fixture whose
-- results depend on id order (ties broken by id, rows ordered by id): insert with id = tests.id(label).
create or replace function tests.remember_in_order(variadic p_labels text[])
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform tests.remember(l.label, i.id)
  from unnest(p_labels) with ordinality l (label, n)
  join (select g.id, row_number() over (order by g.id) n
        from (select gen_random_uuid() id from generate_series(1, cardinality(p_labels))) g) i using (n);
end $$;

-- Every (label, id) remembered so far in this transaction.
create or replace function tests.remembered()
returns table (label text, id uuid)
language plpgsql stable security definer set search_path = '' as $$
begin
  if to_regclass('pg_temp.test_ids') is not null then
    return query select t.label, t.id from pg_temp.test_ids t;
  end if;
end $$;

-- The id remembered under a label.
create or replace function tests.id(p_label text)
returns uuid
language plpgsql stable set search_path = '' as $$
declare
  found_id uuid := (select r.id from tests.remembered() r where r.label = p_label);
begin
  if found_id is null then
    raise exception 'tests.id: nothing remembered as %', p_label;
  end if;
  return found_id;
end $$;

-- The label an id was remembered under (null if none): results read as names, not ids.
create or replace function tests.label(p_id uuid)
returns text
language sql stable set search_path = '' as $$
  select min(r.label) from tests.remembered() r where r.id = p_id
$$;

-- For files that count rows table-wide: removes the demo seed's workspace (and with it every
-- row that belongs to it) and its users' own privacy requests (work the seed leaves for the
-- stack's workers, which may not have run) for the rest of the file's transaction, which rolls back.
create or replace function tests.without_demo_data()
returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.workspaces where slug = 'demo-brand';
  delete from public.privacy_requests r using auth.users u where u.id = r.user_id and u.email like '%@demo.test';
end $$;

-- Seven checks on a table whose rows viewers read and members write (as private.tenant_policies
-- with viewer/member makes them), in the two_workspaces() fixture. Workspace A must already hold
-- at least one row of the table; p_insert is a valid insert of a new row into A.
--   B's member sees none of A's rows and deletes none; A's viewer reads them, cannot add and
--   deletes nothing; A's member adds p_insert; anon is refused outright.
create or replace function tests.tenant_table_checks(p_table regclass, p_insert text)
returns setof text
-- pgTAP's functions call each other unqualified, so they need extensions on the path
language plpgsql set search_path = extensions, public as $$
declare
  a constant uuid := tests.workspace_id('A');
  t text := p_table::text;
begin
  perform tests.authenticate_as('member-b');
  return next extensions.is_empty(format('select 1 from %s where workspace_id = %L', t, a),
    t || ': another workspace''s member sees none of its rows');
  return next extensions.is_empty(format('delete from %s where workspace_id = %L returning 1', t, a),
    t || ': another workspace''s member deletes nothing');
  perform tests.authenticate_as('viewer-a');
  return next extensions.isnt_empty(format('select 1 from %s where workspace_id = %L', t, a), t || ': a viewer reads');
  return next extensions.throws_ok(p_insert, '42501', null, t || ': a viewer cannot add');
  return next extensions.is_empty(format('delete from %s where workspace_id = %L returning 1', t, a),
    t || ': a viewer deletes nothing');
  perform tests.authenticate_as('member-a');
  return next extensions.lives_ok(p_insert, t || ': a member adds');
  perform tests.authenticate_as_anon();
  return next extensions.throws_ok(format('select 1 from %s', t), '42501', null, t || ': anon is refused');
  perform tests.clear_authentication();
end $$;
comment on function tests.tenant_table_checks(regclass, text) is 'Seven access checks of a viewer-read, member-write tenant table in the two_workspaces() fixture.';

grant execute on all functions in schema tests to anon, authenticated, service_role;
-- Default privileges revoke execute from public, so the API roles need pgTAP's functions granted.
grant execute on all functions in schema extensions to anon, authenticated, service_role;
commit;

-- The helpers themselves, checked in a transaction that rolls back.
begin;
set search_path = extensions, public;
select plan(25);
select tests.two_workspaces();
select is(tests.workspace_id('A'), (select id from public.workspaces where slug = 'ws-a'), 'a workspace by name');
select is(tests.workspace_id('ws-b'), (select id from public.workspaces where name = 'B'), 'a workspace by slug');
select tests.authenticate_as('member-a');
select is((select auth.uid()), tests.user_id('member-a@a.test'), 'authenticate_as by name sets the subject');
select is(current_user::text, 'authenticated', 'and the role');
select tests.authenticate_as('owner-b@b.test');
select is((select auth.jwt() ->> 'email'), 'owner-b@b.test', 'authenticate_as by email');
select tests.authenticate_as_anon();
select is(current_user::text, 'anon', 'authenticate_as_anon');
select tests.clear_authentication();
select throws_ok($$ select tests.user_id('nobody') $$, 'P0001', 'tests.user_id: no user nobody', 'an unknown name is an error');
select tests.add_member('B', 'dana', 'viewer');
select is(tests.user_id('dana@test.local'), (select user_id from public.workspace_members where workspace_id = tests.workspace_id('B') and role = 'viewer'), 'add_member creates a missing user');
select is((select role::text from public.workspace_members where user_id = tests.user_id('dana')), 'viewer', 'with the role asked');
select tests.remember('C', tests.create_workspace('C', 'erin'));
select is((select workspace_id from public.workspace_members where user_id = tests.user_id('erin@test.local') and role = 'owner'), tests.id('C'),
  'create_workspace creates a missing owner, who owns the workspace');
select is(tests.workspace_id('ws-c'), tests.workspace_id('C'), 'and its slug is ws-<name>');
select tests.authenticate_as('member-a');
select is(tests.id('C'), tests.workspace_id('C'), 'tests.id finds what tests.remember stored, whoever asks');
select throws_ok($$ select tests.id('nothing') $$, 'P0001', 'tests.id: nothing remembered as nothing', 'an unknown label is an error');
select is(tests.label(tests.workspace_id('C')), 'C', 'tests.label names a remembered id');
select tests.remember_in_order('third', 'second', 'first', 'fourth');
select ok(tests.id('third') < tests.id('second') and tests.id('second') < tests.id('first') and tests.id('first') < tests.id('fourth'),
  'remember_in_order gives ids ascending in the order of the labels');
select tests.clear_authentication();
select isnt_empty($$ select 1 from public.workspaces where slug = 'demo-brand' $$, 'the demo seed is loaded');
select tests.without_demo_data();
select is_empty($$ select 1 from public.workspaces where slug = 'demo-brand' $$, 'without_demo_data removes the demo workspace');
-- tenant_table_checks on a table whose policies say what it expects: viewers read, members write.
create table tests.probe (id uuid primary key default gen_random_uuid(), workspace_id uuid not null references public.workspaces, note text);
alter table tests.probe enable row level security;
grant select, insert, delete on tests.probe to authenticated;
create policy probe_read on tests.probe for select to authenticated using (workspace_id in (
  select m.workspace_id from public.workspace_members m where m.user_id = (select auth.uid())));
create policy probe_write on tests.probe for insert to authenticated with check (workspace_id in (
  select m.workspace_id from public.workspace_members m where m.user_id = (select auth.uid()) and m.role <> 'viewer'));
create policy probe_delete on tests.probe for delete to authenticated using (workspace_id in (
  select m.workspace_id from public.workspace_members m where m.user_id = (select auth.uid()) and m.role <> 'viewer'));
insert into tests.probe (workspace_id, note) values (tests.workspace_id('A'), 'first');
select tests.tenant_table_checks('tests.probe', $$ insert into tests.probe (workspace_id, note) values (tests.workspace_id('A'), 'second') $$);
select results_eq($$ select note from tests.probe order by note $$, $$ values ('first'), ('second') $$,
  'tenant_table_checks deleted nothing and its member added one row');
select * from finish();
rollback;
