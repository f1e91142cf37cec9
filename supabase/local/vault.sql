-- growthbase: a stand-in for Supabase Vault (LOCAL ONLY; the cloud and `supabase start` have
-- the real supabase_vault). Same names: vault.secrets, vault.decrypted_secrets,
-- vault.create_secret(), vault.update_secret(). NOT ENCRYPTED: the embedded stack is a
-- disposable developer database, and the only secrets it holds are the local stack's own URL
-- and secret key, which `npm run stack -- status` prints anyway.
create schema if not exists vault;
comment on schema vault is 'LOCAL stand-in for Supabase Vault (plaintext; developer machines only).';

create table if not exists vault.secrets (
  id uuid primary key default gen_random_uuid(),
  name text,
  description text not null default '',
  secret text not null,
  key_id uuid,
  nonce bytea,
  created_at timestamptz not null default current_timestamp,
  updated_at timestamptz not null default current_timestamp
);
create unique index if not exists secrets_name_idx on vault.secrets (name) where name is not null;

create or replace view vault.decrypted_secrets as
  select s.id, s.name, s.description, s.secret, s.secret as decrypted_secret, s.key_id, s.nonce,
         s.created_at, s.updated_at
  from vault.secrets s;

create or replace function vault.create_secret(
  new_secret text, new_name text default null, new_description text default '', new_key_id uuid default null
) returns uuid
language sql volatile as $$
  insert into vault.secrets (secret, name, description, key_id)
  values (new_secret, new_name, coalesce(new_description, ''), new_key_id)
  returning id
$$;

create or replace function vault.update_secret(
  secret_id uuid, new_secret text default null, new_name text default null,
  new_description text default null, new_key_id uuid default null
) returns void
language sql volatile as $$
  update vault.secrets set
    secret = coalesce(new_secret, secret),
    name = coalesce(new_name, name),
    description = coalesce(new_description, description),
    key_id = coalesce(new_key_id, key_id),
    updated_at = now()
  where id = secret_id
$$;

revoke all on schema vault from public;
revoke all on all tables in schema vault from public;
revoke all on all functions in schema vault from public;
grant usage on schema vault to postgres, service_role;
