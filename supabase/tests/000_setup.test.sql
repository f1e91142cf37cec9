-- Test helpers, kept in the repo. This file runs first (pg_prove and `supabase test db` sort
-- files by name) and commits, so every later file can call tests.* to act as a user, anon or
-- service_role exactly as PostgREST does: a role plus request.jwt.claims, local to the transaction.
begin;
create extension if not exists pgtap with schema extensions;
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- A user in auth.users; returns its id.
create or replace function tests.create_user(p_email text, p_id uuid default gen_random_uuid())
returns uuid
language sql security definer set search_path = '' as $$
  insert into auth.users (id, email, aud, role, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (p_id, lower(p_email), 'authenticated', 'authenticated', '{"provider":"email"}', '{}', now(), now())
  returning id
$$;

-- Act as a signed-in user for the rest of the transaction.
create or replace function tests.authenticate_as(p_user uuid, p_aal text default 'aal1')
returns void
language plpgsql set search_path = '' as $$
declare
  e text;
begin
  perform set_config('role', 'none', true);
  select u.email into e from auth.users u where u.id = p_user;
  if not found then
    raise exception 'tests.authenticate_as: no user %', p_user;
  end if;
  perform set_config('request.jwt.claims', jsonb_build_object(
    'sub', p_user, 'email', e, 'role', 'authenticated', 'aud', 'authenticated',
    'aal', p_aal, 'is_anonymous', false)::text, true);
  perform set_config('role', 'authenticated', true);
end $$;

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

-- The standard fixture: workspace A (a0000000-...) with owner a1, admin a2, member a3 and
-- viewer a4; workspace B (b0000000-...) with owner b1 and member b2. User ids are
-- 00000000-0000-4000-8000-0000000000<a1|a2|a3|a4|b1|b2>, emails <role>-<a|b>@<a|b>.test.
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
    ('a0000000-0000-4000-8000-000000000000', 'A', 'ws-a', '00000000-0000-4000-8000-0000000000a1'),
    ('b0000000-0000-4000-8000-000000000000', 'B', 'ws-b', '00000000-0000-4000-8000-0000000000b1');
  insert into public.workspace_members (workspace_id, user_id, role) values
    ('a0000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000a2', 'admin'),
    ('a0000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000a3', 'member'),
    ('a0000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000a4', 'viewer'),
    ('b0000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000b2', 'member');
end $$;

-- For files that count rows table-wide: removes the demo seed's workspace (and with it every
-- row that belongs to it) for the rest of the file's transaction, which rolls back.
create or replace function tests.without_demo_data()
returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.workspaces where id = '10000000-0000-4000-8000-000000000001';
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
-- Default privileges revoke execute from public, so the API roles need pgTAP's functions granted.
grant execute on all functions in schema extensions to anon, authenticated, service_role;

set search_path = extensions, public;
select plan(7);
select has_function('tests', 'create_user', array['text', 'uuid'], 'tests.create_user exists');
select has_function('tests', 'authenticate_as', array['uuid', 'text'], 'tests.authenticate_as exists');
select has_function('tests', 'authenticate_as_anon', 'tests.authenticate_as_anon exists');
select has_function('tests', 'authenticate_as_service_role', 'tests.authenticate_as_service_role exists');
select has_function('tests', 'clear_authentication', 'tests.clear_authentication exists');
select has_function('tests', 'two_workspaces', 'tests.two_workspaces exists');
select has_function('tests', 'without_demo_data', 'tests.without_demo_data exists');
select * from finish();
commit;
