-- growthbase: the part of the Supabase platform that plain PostgreSQL 15 lacks.
--
-- LOCAL ONLY. Applied once, as superuser `postgres`, to a fresh database before the first
-- migration, so the migrations (written for Supabase cloud) run unchanged on the embedded stack.
-- Never applied in the cloud, nor under `supabase start`: Supabase's images provide the real thing,
-- and no migration may depend on this file.
--
-- Names, types, grants and semantics follow Supabase's own definitions: supabase/postgres
-- (migrations/db/init-scripts, migrations/db/migrations), supabase/auth (migrations) and
-- supabase/storage (migrations/tenant), reduced to what growthbase touches. Where it differs,
-- a comment says why. Everything here is safe to re-run; roles are cluster-wide and survive
-- `drop database`, so they are created only if missing and then brought to the right attributes.

-- ===== roles (supabase/postgres 00000000000000-initial-schema, 20230529180330, 20230201083204)
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end $$;
-- Supabase created the API roles noinherit and later (20230529180330) made them inherit.
alter role anon nologin inherit;
alter role authenticated nologin inherit;
alter role service_role nologin inherit bypassrls;
alter role authenticator login noinherit password 'postgres';  -- the CLI's local password
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;          -- lets postgres `set role` to them
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

-- ===== schemas and extensions
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;
-- Exposed by PostgREST as in Supabase (db-schemas public,graphql_public); pg_graphql's graphql()
-- function is not available locally, so the schema stays empty.
create schema if not exists graphql_public;
grant usage on schema graphql_public to anon, authenticated, service_role;
grant usage on schema public to postgres, anon, authenticated, service_role;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;
grant usage on schema storage to postgres, anon, authenticated, service_role;
grant all on schema public, extensions, auth, storage to postgres;  -- demote-postgres; no-op for a superuser
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
-- The schemas PostgREST exposes, where Supabase's advisor (splinter) reads them; the hosted
-- platform sets this itself.
do $$
begin
  execute format('alter database %I set pgrst.db_schemas = %L', current_database(), 'public,graphql_public');
end $$;
-- This database is local development: outbound webhook endpoints may be http and loopback (the
-- tests' fakes on 127.0.0.1). Hosted projects never set it, so there only public https passes.
do $$
begin
  execute format('alter database %I set growthbase.environment = %L', current_database(), 'development');
end $$;
-- Supabase sets this role-wide (post-setup); here per database, so it goes with a dropped database.
do $$
begin
  execute format('alter role postgres in database %I set search_path to "$user", public, extensions',
                 current_database());
end $$;

-- ===== default privileges (init scripts run as postgres: "alter default privileges in schema
-- public|storage grant all on tables|functions|sequences to postgres, anon, authenticated,
-- service_role"). growthbase's first migration narrows public down again.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema storage grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema storage grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema storage grant all on sequences to anon, authenticated, service_role;
-- NOT Supabase's: in the cloud extensions are created by supabase_admin (supautils), so a
-- migration's `alter default privileges revoke execute on functions from public` (for postgres)
-- never reaches them. Here postgres creates them, so an extension created after that revoke
-- (pgtap in the tests) would be unusable by the API roles. This keeps them callable, as in the cloud.
alter default privileges for role postgres in schema extensions grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions grant all on sequences to anon, authenticated, service_role;

-- ===== auth.users (supabase/auth migrations, current shape; owned by supabase_auth_admin in the
-- cloud, by postgres here). No default on id, as in GoTrue; every other column is nullable or defaulted.
create table if not exists auth.users (
  instance_id uuid,
  id uuid not null,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz default null,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz default null,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz default null,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false,
  constraint users_pkey primary key (id)
);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
comment on column auth.users.is_sso_user is 'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.';
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);
create unique index if not exists confirmation_token_idx on auth.users (confirmation_token) where confirmation_token !~ '^[0-9 ]*$';
create unique index if not exists recovery_token_idx on auth.users (recovery_token) where recovery_token !~ '^[0-9 ]*$';
alter table auth.users enable row level security;  -- supabase/auth 20240612123726; no policies
-- API roles get no table privileges on auth.users (as in the cloud); security definer code reads it.

-- ===== request helpers (supabase/auth 20220224000811, 20220531120530): the JWT claims PostgREST
-- puts in request.jwt.claims, falling back to the older request.jwt.claim.<name> settings.
create or replace function auth.uid() returns uuid
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
create or replace function auth.role() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
create or replace function auth.email() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;

-- ===== storage (supabase/storage migrations/tenant, current shape; owned by
-- supabase_storage_admin in the cloud, by postgres here)
do $$
begin
  if not exists (select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace
                 where n.nspname = 'storage' and t.typname = 'buckettype') then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end $$;

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype not null default 'STANDARD'
);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text constraint "objects_bucketId_fkey" references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;  -- 0046; RLS decides

-- Rows are removed through the Storage API, not SQL (0055): a direct delete raises 42501 unless
-- the transaction sets storage.allow_delete_query = 'true'.
create or replace function storage.protect_delete() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end $$;
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- Path helpers used by storage policies (0036, 0060, 0061: plpgsql, immutable).
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end $$;
create or replace function storage.filename(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end $$;
create or replace function storage.extension(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end $$;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;

-- ===== realtime: the (initially empty) publication Supabase Realtime listens to
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $$;
