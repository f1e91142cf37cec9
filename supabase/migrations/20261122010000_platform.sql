-- Platform: tenancy. Workspaces (a brand or shop), their members and invitations, people's
-- profiles and preferences, the audit log and the decision log.
--
-- A check a user's write can hit explains itself: PostgREST answers a violated check with
-- 'new row ... violates check constraint "<name>"', so the constraints of the tables frontends
-- write directly are named with the rule they hold.

create type public.workspace_plan as enum ('free', 'pro', 'business', 'enterprise');

comment on type public.workspace_plan is 'Billing plan of a workspace; sets its storage quota (free 5 GiB, pro 100 GiB, business 1 TiB, enterprise unlimited).';

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null constraint "name must be 1 to 120 characters" check (char_length(btrim(name)) between 1 and 120),
  slug text not null unique
    constraint "slug must be 2 to 63 lowercase letters, digits or hyphens" check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  shop_domain text unique check (shop_domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
  plan public.workspace_plan not null default 'free',
  storage_quota_bytes bigint default 5368709120 check (storage_quota_bytes >= 0),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.workspaces is 'A brand or shop: the tenant. Every tenant row carries workspace_id.';
comment on column public.workspaces.slug is 'URL-safe unique handle: lowercase letters, digits and hyphens, 2-63 chars.';
comment on column public.workspaces.created_by is 'The user who created it; became its first owner. Not changeable by API roles.';
comment on column public.workspaces.shop_domain is 'The Shopify shop whose app install (a verified OAuth callback) connected this workspace; set and cleared by the integration functions, never by users.';
comment on column public.workspaces.plan is 'Billing plan; changed by billing (service role) through private.set_workspace_plan, never by members.';
comment on column public.workspaces.storage_quota_bytes is 'Bytes of media the workspace may keep across its buckets (data-exports excluded); null = unlimited. Uploads are refused once usage reaches it.';
alter table public.workspaces enable row level security;
grant select, delete on public.workspaces to authenticated;
grant insert (id, name, slug, created_by) on public.workspaces to authenticated;
grant update (name, slug) on public.workspaces to authenticated;
select private.install_row_triggers('public.workspaces');

create index workspaces_created_by_idx on public.workspaces (created_by);

create table public.workspace_members (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.workspace_role not null default 'member',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
comment on table public.workspace_members is 'Who belongs to which workspace, with which role. Guarded by private.guard_workspace_member().';
alter table public.workspace_members enable row level security;
grant select, insert, delete on public.workspace_members to authenticated;
grant update (role) on public.workspace_members to authenticated;
alter publication supabase_realtime add table public.workspace_members;
select private.install_row_triggers('public.workspace_members');
select private.tenant_policy('public.workspace_members', 'select', 'viewer');
select private.tenant_policy('public.workspace_members', 'insert', 'admin');
select private.tenant_policy('public.workspace_members', 'update', 'admin');

create index workspace_members_user_id_idx on public.workspace_members (user_id);

-- ===== membership rules the client cannot bypass
-- Nobody raises their own role; nobody grants or removes a role above their own; the last
-- owner cannot be removed or demoted (except when the workspace itself is being deleted);
-- workspace_id and user_id of a membership never change.
create function private.guard_workspace_member() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  actor uuid := (select auth.uid());
  actor_role public.workspace_role;
  target public.workspace_members := case when tg_op = 'DELETE' then old else new end;
begin
  if tg_op = 'UPDATE' and (new.workspace_id <> old.workspace_id or new.user_id <> old.user_id) then
    raise exception 'a membership''s workspace and user cannot change' using errcode = '42501';
  end if;

  -- Checks on the actor apply to signed-in users; service_role and migrations act for the system.
  -- A workspace being deleted takes its memberships with it.
  if tg_op = 'DELETE' and not exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
    return old;
  end if;
  -- The creator's first membership (private.add_workspace_owner) is how a workspace starts.
  if tg_op = 'INSERT' and new.user_id = actor and new.role = 'owner'
     and exists (select 1 from public.workspaces w where w.id = new.workspace_id and w.created_by = actor)
     and not exists (select 1 from public.workspace_members m where m.workspace_id = new.workspace_id) then
    return new;
  end if;
  -- Accepting an open invitation (private.accept_invitation) grants at most the invited role.
  if tg_op in ('INSERT', 'UPDATE') and new.user_id = actor
     and (tg_op = 'INSERT' or new.role > old.role)
     and exists (select 1 from public.workspace_invitations i
                 where i.workspace_id = new.workspace_id and i.email = lower((select auth.email()))
                   and i.accepted_at is null and i.expires_at > now() and i.role >= new.role) then
    return new;
  end if;

  if actor is not null and private.is_end_user() then
    actor_role := (select m.role from public.workspace_members m
                   where m.workspace_id = target.workspace_id and m.user_id = actor);
    if tg_op = 'UPDATE' and new.user_id = actor and new.role > old.role then
      raise exception 'you cannot raise your own role' using errcode = '42501';
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (actor_role is null or new.role > actor_role) then
      raise exception 'you cannot grant the % role', new.role using errcode = '42501';
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.user_id <> actor and (actor_role is null or old.role > actor_role) then
      raise exception 'you cannot change a member whose role is above yours' using errcode = '42501';
    end if;
  end if;

  if tg_op in ('UPDATE', 'DELETE') and old.role = 'owner'
     and (tg_op = 'DELETE' or new.role <> 'owner')
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = old.workspace_id and m.role = 'owner' and m.user_id <> old.user_id) then
    raise exception 'a workspace must keep at least one owner; transfer ownership or delete the workspace'
      using errcode = '23514';
  end if;
  return target;
end $$;
comment on function private.guard_workspace_member() is 'BEFORE trigger on workspace_members enforcing role rules and the last-owner rule.';

create trigger guard_workspace_member before insert or update or delete on public.workspace_members
  for each row execute function private.guard_workspace_member();

-- Creating a workspace makes its creator the owner.
create function private.add_workspace_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.created_by is not null then
    insert into public.workspace_members (workspace_id, user_id, role) values (new.id, new.created_by, 'owner');
  end if;
  return null;
end $$;
comment on function private.add_workspace_owner() is 'AFTER INSERT trigger on workspaces: the creator becomes owner.';

create trigger add_workspace_owner after insert on public.workspaces
  for each row execute function private.add_workspace_owner();

create policy "users create workspaces they own" on public.workspaces
  for insert to authenticated
  with check (created_by = (select auth.uid()));

create policy "admins change workspace settings" on public.workspaces
  for update to authenticated
  using (id = any (array(select private.workspace_ids('admin'))))
  with check (id = any (array(select private.workspace_ids('admin'))));

create policy "owners delete workspaces" on public.workspaces
  for delete to authenticated
  using (id = any (array(select private.workspace_ids('owner'))));

create policy "admins remove members and anyone leaves" on public.workspace_members
  for delete to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))) or user_id = (select auth.uid()));

-- ===== invitations: a hashed one-time token, bound to an email, expiring
create table public.workspace_invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role public.workspace_role not null default 'member' check (role <> 'owner'),
  invited_by uuid default auth.uid() references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- an accepted invitation stays accepted when the user who accepted it is deleted
  constraint workspace_invitations_acceptor_has_time check (accepted_by is null or accepted_at is not null)
);
comment on table public.workspace_invitations is 'Pending and accepted invitations, created by create_workspace_invitation. The token is shown once to the inviter; only its SHA-256 is kept (private.invitation_tokens).';
alter table public.workspace_invitations enable row level security;
grant select, delete on public.workspace_invitations to authenticated;
select private.install_row_triggers('public.workspace_invitations');
select private.tenant_policy('public.workspace_invitations', 'select', 'admin');
select private.tenant_policy('public.workspace_invitations', 'insert', 'admin');
select private.tenant_policy('public.workspace_invitations', 'delete', 'admin');

create index workspace_invitations_workspace_id_idx on public.workspace_invitations (workspace_id);

create index workspace_invitations_invited_by_idx on public.workspace_invitations (invited_by);

create index workspace_invitations_accepted_by_idx on public.workspace_invitations (accepted_by);

create unique index workspace_invitations_one_open_per_email
  on public.workspace_invitations (workspace_id, email) where accepted_at is null;

create function private.guard_invitation() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  actor_role public.workspace_role;
begin
  if private.is_end_user() then
    actor_role := (select m.role from public.workspace_members m
                   where m.workspace_id = new.workspace_id and m.user_id = (select auth.uid()));
    if actor_role is null or new.role > actor_role then
      raise exception 'you cannot invite with the % role', new.role using errcode = '42501';
    end if;
    new.invited_by := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.guard_invitation() is 'BEFORE INSERT trigger: an inviter cannot offer a role above their own; invited_by is the caller.';

create trigger guard_invitation before insert on public.workspace_invitations
  for each row execute function private.guard_invitation();

-- Accepting runs beneath RLS: the invitee is not a member yet and cannot see the invitation.
create function private.accept_invitation(p_token text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := (select auth.uid());
  inv public.workspace_invitations;
begin
  if uid is null then
    raise exception 'sign in to accept an invitation' using errcode = '42501';
  end if;
  select i.* into inv from public.workspace_invitations i
  join private.invitation_tokens t on t.invitation_id = i.id
  where t.token_hash = extensions.digest(p_token, 'sha256')
  for update of i;
  if not found then
    raise exception 'no invitation has this token' using errcode = 'PT404';
  end if;
  if inv.accepted_at is not null then
    raise exception 'this invitation has already been used' using errcode = 'PT409';
  end if;
  if inv.expires_at <= now() then
    raise exception 'this invitation expired on %', to_char(inv.expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
      using errcode = 'PT410', hint = 'ask an admin of the workspace for a new invitation';
  end if;
  if inv.email <> lower(coalesce((select auth.email()), '')) then
    raise exception 'this invitation was sent to another email address' using errcode = '42501';
  end if;
  insert into public.workspace_members (workspace_id, user_id, role)
  values (inv.workspace_id, uid, inv.role)
  on conflict (workspace_id, user_id) do update
    set role = greatest(public.workspace_members.role, excluded.role);
  update public.workspace_invitations set accepted_at = now(), accepted_by = uid where id = inv.id;
  return inv.workspace_id;
end $$;
comment on function private.accept_invitation(text) is 'Consumes an invitation token for the signed-in user whose email it was sent to; a current higher role is kept.';
grant execute on function private.accept_invitation(text) to authenticated;

create function public.transfer_workspace_ownership(p_workspace_id uuid, p_new_owner uuid)
returns void
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_new_owner is null then
    raise exception 'workspace and new owner are required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'owner');
  if p_new_owner = (select auth.uid()) then
    raise exception 'you already own this workspace' using errcode = '22023';
  end if;
  update public.workspace_members set role = 'owner'
  where workspace_id = p_workspace_id and user_id = p_new_owner;
  if not found then
    raise exception 'the new owner must already be a member of this workspace' using errcode = 'PT404';
  end if;
  update public.workspace_members set role = 'admin'
  where workspace_id = p_workspace_id and user_id = (select auth.uid());
end $$;
comment on function public.transfer_workspace_ownership(uuid, uuid) is 'Owner only: makes a member the owner and the caller an admin.';
grant execute on function public.transfer_workspace_ownership(uuid, uuid) to authenticated;

create function public.create_workspace_invitation(
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
comment on function public.create_workspace_invitation(uuid, text, public.workspace_role) is 'Admin only: invites an email; returns the token once (only its hash is stored).';
grant execute on function public.create_workspace_invitation(uuid, text, public.workspace_role) to authenticated;

create function public.accept_workspace_invitation(p_token text)
returns uuid
language plpgsql volatile set search_path = '' as $$
begin
  if p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception 'an invitation token is 64 hexadecimal characters' using errcode = '22023';
  end if;
  return private.accept_invitation(p_token);
end $$;
comment on function public.accept_workspace_invitation(text) is 'Joins the workspace an invitation token was sent for; returns its id.';
grant execute on function public.accept_workspace_invitation(text) to authenticated;

-- ===== personal preferences
create type public.interface_mode as enum ('simple', 'advanced');

create table public.user_preferences (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  interface_mode public.interface_mode not null default 'simple',
  timezone text not null default 'UTC'
    constraint "timezone must be 1 to 64 characters" check (char_length(timezone) between 1 and 64),
  locale text not null default 'en'
    constraint "locale must be a language tag such as en or en-GB" check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  theme text not null default 'system'
    constraint "theme must be system, light or dark" check (theme in ('system', 'light', 'dark')),
  default_workspace_id uuid references public.workspaces (id) on delete set null,
  notifications jsonb not null default '{}'::jsonb
    constraint "notifications must be a JSON object" check (jsonb_typeof(notifications) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.user_preferences is 'One row per user: interface mode, locale, notification settings. Only its owner reads or writes it.';
comment on column public.user_preferences.notifications is 'Per-channel switches, e.g. {"email": {"approvals": true}}.';
alter table public.user_preferences enable row level security;
grant select, insert, update, delete on public.user_preferences to authenticated;
select private.install_row_triggers('public.user_preferences');

create index user_preferences_default_workspace_id_idx on public.user_preferences (default_workspace_id);

create policy "users read their preferences" on public.user_preferences
  for select to authenticated using (user_id = (select auth.uid()));

create policy "users create their preferences" on public.user_preferences
  for insert to authenticated
  with check (user_id = (select auth.uid())
    and (default_workspace_id is null or default_workspace_id = any (array(select private.workspace_ids('viewer')))));

create policy "users change their preferences" on public.user_preferences
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
    and (default_workspace_id is null or default_workspace_id = any (array(select private.workspace_ids('viewer')))));

create policy "users delete their preferences" on public.user_preferences
  for delete to authenticated using (user_id = (select auth.uid()));

-- ===== audit log: who changed what, written only by triggers
create type public.audit_action as enum ('insert', 'update', 'delete', 'read');

create table public.audit_log (
  id bigint generated always as identity primary key,
  workspace_id uuid references public.workspaces (id) on delete cascade,
  table_name text not null,
  record_id text,
  action public.audit_action not null,
  actor_id uuid,
  actor_role text not null,
  old_data jsonb,
  new_data jsonb,
  reason text check (char_length(reason) <= 200),
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Append-only change history written by private.audit_row(); workspace admins read their workspace''s entries.';
comment on column public.audit_log.record_id is 'The changed row''s id (or composite key as text).';
comment on column public.audit_log.actor_id is 'auth.uid() of the caller; null for service_role, cron and migrations. Not a foreign key: history outlives users.';
comment on column public.audit_log.actor_role is 'The JWT role (authenticated, service_role) or, without one, the database role.';
comment on column public.audit_log.reason is 'Why a credential was used or changed (oauth connect, token refresh, revoke at provider, app uninstalled ...).';
alter table public.audit_log enable row level security;
grant select on public.audit_log to authenticated;
select private.install_row_triggers('public.audit_log');
select private.tenant_policy('public.audit_log', 'select', 'admin');

create index audit_log_workspace_id_created_at_idx on public.audit_log (workspace_id, created_at desc);

select private.enable_audit('public.workspace_members');

-- ===== decision log: why the system (people, agents, automations) decided what it did
create type public.decision_domain as enum (
  'inventory', 'cx', 'growth', 'ads', 'content', 'ops', 'privacy', 'other'
);

create type public.actor_kind as enum ('user', 'agent', 'system');

create table public.decision_log (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  domain public.decision_domain not null,
  actor_kind public.actor_kind not null default 'user',
  actor_id uuid default auth.uid() references auth.users (id) on delete set null,
  actor_name text check (char_length(actor_name) <= 200),
  decision text not null check (char_length(decision) between 1 and 2000),
  rationale text check (char_length(rationale) <= 20000),
  inputs jsonb not null default '{}'::jsonb,
  outcome jsonb,
  subject_table text,
  subject_id text,
  created_at timestamptz not null default now()
);
comment on table public.decision_log is 'Append-only record of decisions (inventory, CX, growth ...) and their reasons. Rows are never updated or deleted by API roles.';
comment on column public.decision_log.actor_name is 'For agents and automations: the agent or job that decided.';
comment on column public.decision_log.inputs is 'The figures the decision was based on.';
comment on column public.decision_log.subject_table is 'What the decision was about (table name), with subject_id.';
alter table public.decision_log enable row level security;
grant select on public.decision_log to authenticated;
grant insert (workspace_id, domain, actor_name, decision, rationale, inputs, outcome, subject_table, subject_id) on public.decision_log to authenticated;
select private.install_row_triggers('public.decision_log');
select private.tenant_policy('public.decision_log', 'select', 'viewer');
select private.tenant_policy('public.decision_log', 'insert', 'member');

create index decision_log_workspace_id_created_at_idx on public.decision_log (workspace_id, created_at desc);

create index decision_log_actor_id_idx on public.decision_log (actor_id);

create function private.guard_decision_actor() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() then
    new.actor_kind := 'user';
    new.actor_id := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.guard_decision_actor() is 'BEFORE INSERT on decision_log: a signed-in user always records as themselves.';

create trigger guard_decision_actor before insert on public.decision_log
  for each row execute function private.guard_decision_actor();

-- select('*') works on every table an API role reads: a secret column (an invitation's token
-- hash) lives in a private table. A catalog rule (001_catalog) keeps column-level SELECT grants away.

-- ===== invitation tokens
create table private.invitation_tokens (
  invitation_id uuid primary key references public.workspace_invitations (id) on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32)
);
comment on table private.invitation_tokens is 'SHA-256 of each invitation token (the token itself is shown once to the inviter). Service only.';
alter table private.invitation_tokens enable row level security;

select private.enable_audit('public.workspace_invitations');

-- Stores the token hash of an invitation the caller just created (the RPC below, as the caller).
create function private.store_invitation_token(p_invitation_id uuid, p_token_hash bytea) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.workspace_invitations i
                 where i.id = p_invitation_id and i.accepted_at is null
                   and ((select auth.role()) = 'service_role'
                        or i.workspace_id = any (array(select private.workspace_ids('admin'))))) then
    raise exception 'no open invitation % in a workspace you administer', p_invitation_id using errcode = '42501';
  end if;
  insert into private.invitation_tokens (invitation_id, token_hash) values (p_invitation_id, p_token_hash);
end $$;
comment on function private.store_invitation_token(uuid, bytea) is 'Keeps the SHA-256 of a new invitation''s token; only for admins of its workspace.';
grant execute on function private.store_invitation_token(uuid, bytea) to authenticated, service_role;

-- The insert runs beneath the column grants (API roles do not insert invitations directly); the
-- guard trigger checks the inviter's role against the invited one.
create function private.insert_invitation(p_workspace_id uuid, p_email text, p_role public.workspace_role)
returns public.workspace_invitations
language plpgsql volatile security definer set search_path = '' as $$
declare
  inv public.workspace_invitations;
begin
  if (select auth.role()) <> 'service_role' and not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  insert into public.workspace_invitations (workspace_id, email, role) values (p_workspace_id, p_email, p_role)
  returning * into inv;
  return inv;
end $$;
comment on function private.insert_invitation(uuid, text, public.workspace_role) is 'Inserts an invitation for an admin of the workspace (guard_invitation checks the role offered).';
grant execute on function private.insert_invitation(uuid, text, public.workspace_role) to authenticated, service_role;

-- People's names and avatars for member lists: public.profiles, kept from auth.users by
-- trigger, readable by the user and by everyone who shares a workspace with them, so
-- workspace_members embeds profiles(...) in one call.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text check (char_length(email) <= 320),
  display_name text constraint "display_name must be at most 120 characters" check (char_length(display_name) <= 120),
  avatar_url text constraint "avatar_url must be an https URL of at most 2048 characters"
    check (char_length(avatar_url) <= 2048 and avatar_url ~ '^https://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per user, kept from auth.users (email; name and avatar from the sign-up metadata) by private.sync_profile(); the user may change their name and avatar. Readable by the user and by members of a workspace they belong to.';
comment on column public.profiles.display_name is 'From user_metadata full_name or name at sign-up; the user can change it.';
alter table public.profiles enable row level security;
grant select on public.profiles to authenticated;
grant update (display_name, avatar_url) on public.profiles to authenticated;
select private.install_row_triggers('public.profiles');

create function private.sync_profile() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles as p (id, email, display_name, avatar_url)
  values (new.id, new.email,
          left(coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'), 120),
          case when new.raw_user_meta_data ->> 'avatar_url' ~ '^https://' then left(new.raw_user_meta_data ->> 'avatar_url', 2048) end)
  on conflict (id) do update set
    email = excluded.email,
    display_name = coalesce(excluded.display_name, p.display_name),
    avatar_url = coalesce(excluded.avatar_url, p.avatar_url);
  return null;
end $$;
comment on function private.sync_profile() is 'AFTER INSERT/UPDATE on auth.users: creates or refreshes the user''s profile.';

create trigger sync_profile after insert or update of email, raw_user_meta_data on auth.users
  for each row execute function private.sync_profile();

-- The users the caller shares at least one workspace with (the caller included).
create function private.co_member_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select distinct m.user_id from public.workspace_members m
    where m.workspace_id in (select mine.workspace_id from public.workspace_members mine
                             where mine.user_id = (select auth.uid()));
end $$;
comment on function private.co_member_ids() is 'User ids of everyone in the caller''s workspaces; wrap in array(select ...) in policies.';
grant execute on function private.co_member_ids() to authenticated;

create policy "people read their own and their teammates' profiles" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or id = any (array(select private.co_member_ids())));

create policy "people change their own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- The relationship PostgREST follows for workspace_members?select=role,profiles(...).
alter table public.workspace_members add constraint workspace_members_user_id_profile_fkey
  foreign key (user_id) references public.profiles (id) on delete cascade;

create function public.create_workspace(p_name text, p_slug text)
returns public.workspaces
language plpgsql volatile set search_path = '' as $$
declare
  new_id uuid := gen_random_uuid();
  ws public.workspaces;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to create a workspace' using errcode = '42501';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 120 then
    raise exception 'name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_slug is null or lower(p_slug) !~ '^[a-z0-9][a-z0-9-]{1,62}$' then
    raise exception 'slug must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit'
      using errcode = '22023';
  end if;
  if exists (select 1 from private.slug_taken(lower(p_slug))) then
    raise exception 'the slug % is taken', lower(p_slug) using errcode = '23505';
  end if;
  insert into public.workspaces (id, name, slug, created_by)
  values (new_id, btrim(p_name), lower(p_slug), (select auth.uid()));
  select * into ws from public.workspaces where id = new_id;
  return ws;
end $$;
comment on function public.create_workspace(text, text) is 'Creates a workspace with the caller as owner and returns it. 22023 for a bad name or slug, 23505 for a taken slug. A Shopify shop is attached by installing the app (OAuth), never here.';
grant execute on function public.create_workspace(text, text) to authenticated;

-- Slugs are unique across all workspaces, including ones the caller cannot see.
create function private.slug_taken(p_slug text) returns setof integer
language sql stable security definer set search_path = '' as $$
  select 1 from public.workspaces w where w.slug = p_slug
$$;
comment on function private.slug_taken(text) is 'One row when a workspace already uses the slug.';
grant execute on function private.slug_taken(text) to authenticated;

create policy "members read their workspaces, creators the one they are creating" on public.workspaces
  for select to authenticated
  using (id = any (array(select private.workspace_ids('viewer')))
         or (created_by = (select auth.uid()) and created_at = now()));

-- Storage: the buckets (all private), storage.objects policies by bucket and path, and storage
-- quotas. Every object path starts with the workspace id (<workspace_id>/...), demo media with
-- the demo too (<workspace_id>/<demo_id>/...), so a member uploads and reads only their
-- workspace's objects. anon reads media of published demos only. Export documents are read only
-- by whoever may download them (privacy_requests). workspaces gains plan and storage quota
-- usage is counted per workspace and bucket.

-- ===== plan and quota on the one tenant model

