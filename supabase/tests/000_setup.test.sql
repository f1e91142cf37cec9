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

grant execute on all functions in schema tests to anon, authenticated, service_role;
-- Default privileges revoke execute from public, so the API roles need pgTAP's functions granted.
grant execute on all functions in schema extensions to anon, authenticated, service_role;

set search_path = extensions, public;
select plan(5);
select has_function('tests', 'create_user', array['text', 'uuid'], 'tests.create_user exists');
select has_function('tests', 'authenticate_as', array['uuid', 'text'], 'tests.authenticate_as exists');
select has_function('tests', 'authenticate_as_anon', 'tests.authenticate_as_anon exists');
select has_function('tests', 'authenticate_as_service_role', 'tests.authenticate_as_service_role exists');
select has_function('tests', 'clear_authentication', 'tests.clear_authentication exists');
select * from finish();
commit;
