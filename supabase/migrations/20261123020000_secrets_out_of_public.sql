-- select('*') works on every table an API role reads: the three public tables that hid a column
-- behind column-level grants (invitation token hashes, user secret ciphertext, gift card
-- recipients) move that column into a private table, and the tables grant SELECT whole.
-- A catalog rule (001_catalog) keeps column-level SELECT grants from coming back.

-- ===== invitation tokens
create table private.invitation_tokens (
  invitation_id uuid primary key references public.workspace_invitations (id) on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32)
);
comment on table private.invitation_tokens is 'SHA-256 of each invitation token (the token itself is shown once to the inviter). Service only.';
alter table private.invitation_tokens enable row level security;
insert into private.invitation_tokens (invitation_id, token_hash)
  select id, token_hash from public.workspace_invitations;

drop trigger audit on public.workspace_invitations;
alter table public.workspace_invitations drop column token_hash;
create trigger audit after insert or update or delete on public.workspace_invitations
  for each row execute function private.audit_row();
comment on table public.workspace_invitations is 'Pending and accepted invitations, created by create_workspace_invitation. The token is shown once to the inviter; only its SHA-256 is kept (private.invitation_tokens).';

revoke all on public.workspace_invitations from authenticated;
grant select, delete on public.workspace_invitations to authenticated;

-- Stores the token hash of an invitation the caller just created (the RPC below, as the caller).
create function private.store_invitation_token(p_invitation uuid, p_token_hash bytea) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.workspace_invitations i
                 where i.id = p_invitation and i.accepted_at is null
                   and ((select auth.role()) = 'service_role'
                        or i.workspace_id = any (array(select private.workspace_ids('admin'))))) then
    raise exception 'no open invitation % in a workspace you administer', p_invitation using errcode = '42501';
  end if;
  insert into private.invitation_tokens (invitation_id, token_hash) values (p_invitation, p_token_hash);
end $$;
comment on function private.store_invitation_token(uuid, bytea) is 'Keeps the SHA-256 of a new invitation''s token; only for admins of its workspace.';
revoke all on function private.store_invitation_token(uuid, bytea) from public;
grant execute on function private.store_invitation_token(uuid, bytea) to authenticated, service_role;

-- Invitations are created by this RPC only (nothing else can attach a token).
create or replace function public.create_workspace_invitation(
  p_workspace_id uuid, p_email text, p_role public.workspace_role default 'member'
) returns table (invitation_id uuid, token text, expires_at timestamptz)
language plpgsql volatile set search_path = '' as $$
declare
  t text := encode(extensions.gen_random_bytes(32), 'hex');
  inv public.workspace_invitations;
begin
  if p_email is null or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'email is not a valid address' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  if exists (select 1 from public.workspace_invitations i
             where i.workspace_id = p_workspace_id and i.email = lower(btrim(p_email)) and i.accepted_at is null) then
    raise exception '% already has an open invitation to this workspace', lower(btrim(p_email))
      using errcode = 'PT409', hint = 'withdraw it (delete the invitation) to send a new one';
  end if;
  select * into inv from private.insert_invitation(p_workspace_id, lower(btrim(p_email)), p_role);
  perform private.store_invitation_token(inv.id, extensions.digest(t, 'sha256'));
  return query select inv.id, t, inv.expires_at;
end $$;

-- The insert runs beneath the column grants (API roles no longer insert invitations directly);
-- the guard trigger still checks the inviter's role against the invited one.
create function private.insert_invitation(p_workspace uuid, p_email text, p_role public.workspace_role)
returns public.workspace_invitations
language plpgsql volatile security definer set search_path = '' as $$
declare
  inv public.workspace_invitations;
begin
  if (select auth.role()) <> 'service_role' and not (p_workspace = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  insert into public.workspace_invitations (workspace_id, email, role) values (p_workspace, p_email, p_role)
  returning * into inv;
  return inv;
end $$;
comment on function private.insert_invitation(uuid, text, public.workspace_role) is 'Inserts an invitation for an admin of the workspace (guard_invitation checks the role offered).';
revoke all on function private.insert_invitation(uuid, text, public.workspace_role) from public;
grant execute on function private.insert_invitation(uuid, text, public.workspace_role) to authenticated, service_role;

-- ===== user secrets: the ciphertext moves to a private table
create table private.user_secret_values (
  secret_id uuid primary key references public.user_secrets (id) on delete cascade,
  ciphertext text not null check (ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  key_id text not null,
  updated_at timestamptz not null default now()
);
comment on table private.user_secret_values is 'AES-256-GCM ciphertext of each user secret ("v1.<key id>.<iv>.<data>"). Service only; reads go through private.read_user_secret (audited).';
alter table private.user_secret_values enable row level security;
create trigger set_updated_at before update on private.user_secret_values
  for each row execute function private.set_updated_at();
insert into private.user_secret_values (secret_id, ciphertext, key_id)
  select id, ciphertext, key_id from public.user_secrets;

drop trigger audit_user_secret_rotate on public.user_secrets;
alter table public.user_secrets drop column ciphertext, drop column key_id;
comment on table public.user_secrets is 'A user''s own API keys (Gemini, OpenAI ...): name, provider and hint; the ciphertext lives in private.user_secret_values. Every create, read, rotate and delete is audited.';

create function private.audit_user_secret_rotation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  select s.user_id, s.name, 'rotate', coalesce(nullif((select auth.role()), ''), session_user::text)
  from public.user_secrets s where s.id = new.secret_id;
  return null;
end $$;
comment on function private.audit_user_secret_rotation() is 'AFTER UPDATE of ciphertext on private.user_secret_values: logs a rotation.';
create trigger audit_user_secret_rotate after update of ciphertext on private.user_secret_values
  for each row when (old.ciphertext is distinct from new.ciphertext) execute function private.audit_user_secret_rotation();

-- Writes (service: the function that encrypts) create or rotate a secret and its ciphertext together.
create function private.store_user_secret(p_user uuid, p_name text, p_provider text, p_ciphertext text, p_key_id text, p_hint text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  sid uuid;
begin
  insert into public.user_secrets as s (user_id, name, provider, hint) values (p_user, p_name, p_provider, p_hint)
  on conflict (user_id, name) do update set provider = excluded.provider, hint = excluded.hint
  returning s.id into sid;
  insert into private.user_secret_values as v (secret_id, ciphertext, key_id) values (sid, p_ciphertext, p_key_id)
  on conflict (secret_id) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id;
  return sid;
end $$;
comment on function private.store_user_secret(uuid, text, text, text, text, text) is 'Service: creates or rotates a user''s secret with its ciphertext (audited by triggers).';
revoke all on function private.store_user_secret(uuid, text, text, text, text, text) from public;
grant execute on function private.store_user_secret(uuid, text, text, text, text, text) to service_role;

create or replace function private.read_user_secret(p_user uuid, p_name text)
returns table (ciphertext text, provider text)
language plpgsql volatile security definer set search_path = '' as $$
begin
  return query
    with used as (
      update public.user_secrets s set last_used_at = now()
      where s.user_id = p_user and s.name = p_name
      returning s.id, s.provider)
    select v.ciphertext, used.provider from used join private.user_secret_values v on v.secret_id = used.id;
  if not found then
    raise exception 'no secret named %', p_name using errcode = 'PT404';
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (p_user, p_name, 'read', coalesce(nullif((select auth.role()), ''), session_user::text));
end $$;

revoke all on public.user_secrets from authenticated;
grant select, delete on public.user_secrets to authenticated;
grant all on private.user_secret_values to service_role;

-- ===== gift card recipients
create table private.gift_card_recipients (
  email_id uuid primary key references public.gift_card_emails (id) on delete cascade,
  to_email text not null check (to_email ~ '^[^@\s]+@[^@\s]+$')
);
comment on table private.gift_card_recipients is 'Where each gift card email goes (plaintext: delivery needs it). Service only; GDPR redaction deletes the row.';
alter table private.gift_card_recipients enable row level security;
grant all on private.gift_card_recipients to service_role;
insert into private.gift_card_recipients (email_id, to_email)
  select id, to_email from public.gift_card_emails where to_email is not null;
alter table public.gift_card_emails drop column to_email;
comment on table public.gift_card_emails is 'Delivery of a gift card to its customer (Resend); the recipient address lives in private.gift_card_recipients.';
revoke all on public.gift_card_emails from authenticated;
grant select on public.gift_card_emails to authenticated;

-- Erasure deletes the recipient row instead of nulling the dropped column.
create or replace function private.erase_customers(p_workspace uuid, p_customer_ids uuid[], p_email_sha256 text[])
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
  ids uuid[];
begin
  select array_agg(c.id) into ids from public.customers c
  where c.workspace_id = p_workspace
    and (c.id = any (coalesce(p_customer_ids, '{}')) or c.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from private.gift_card_recipients r
  using public.gift_card_emails e, public.gift_card_transactions t, public.orders o
  where r.email_id = e.id and e.transaction_id = t.id and o.id = t.order_id and o.workspace_id = p_workspace
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  update public.orders o set email_sha256 = null, customer_id = null
  where o.workspace_id = p_workspace
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from public.customers c where c.id = any (coalesce(ids, '{}'));
  get diagnostics n = row_count;
  return n;
end $$;
