-- Membership needs the member's consent (issue 21, item 2). An admin or owner could insert any
-- user id into workspace_members and then read that user's profile email; an owner could make
-- someone owner and leave, after which the victim's own account erasure failed ("you are the only
-- owner"). Now a membership comes only from accepting an invitation (the invitee's own call) or
-- from creating the workspace; ownership passes only when the recipient accepts a pending
-- transfer. The service role and the seeds still insert memberships directly (they act for the
-- system: no signed-in actor).

-- ===== pending ownership transfers: an owner offers, the recipient accepts or declines
create table public.workspace_ownership_transfers (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  from_user_id uuid not null references auth.users (id) on delete cascade,
  to_user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  constraint "an owner cannot offer ownership to themselves" check (from_user_id <> to_user_id)
);
comment on table public.workspace_ownership_transfers is 'An owner''s pending offer of the workspace''s ownership to another member (one per workspace, 7 days; acceptable only while the offering member is still an owner and the recipient still a member). Written by transfer_workspace_ownership; the recipient accepts with accept_workspace_ownership (they become owner, the offering owner admin); the owner withdraws or the recipient declines by deleting the row. Read by the workspace''s owners and the recipient.';
comment on column public.workspace_ownership_transfers.expires_at is 'An offer not accepted by then can no longer be accepted (PT410); a new offer replaces it.';
create index workspace_ownership_transfers_from_user_id_idx on public.workspace_ownership_transfers (from_user_id);
create index workspace_ownership_transfers_to_user_id_idx on public.workspace_ownership_transfers (to_user_id);
select private.install_row_triggers('public.workspace_ownership_transfers');
select private.enable_audit('public.workspace_ownership_transfers');
alter table public.workspace_ownership_transfers enable row level security;
grant select, delete on public.workspace_ownership_transfers to authenticated;
grant all on public.workspace_ownership_transfers to service_role;
create policy "owners and the recipient see the offer" on public.workspace_ownership_transfers for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('owner'))) or to_user_id = (select auth.uid()));
create policy "owners withdraw and the recipient declines" on public.workspace_ownership_transfers for delete to authenticated
  using (workspace_id = any (array(select private.workspace_ids('owner'))) or to_user_id = (select auth.uid()));

-- ===== the membership guard: who may create a membership or make an owner
create or replace function private.guard_workspace_member() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  actor uuid := (select auth.uid());
  signed_in boolean := actor is not null and private.is_end_user();
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
  if tg_op in ('INSERT', 'UPDATE') and new.user_id = actor and new.role <> 'owner'
     and (tg_op = 'INSERT' or new.role > old.role)
     and exists (select 1 from public.workspace_invitations i
                 where i.workspace_id = new.workspace_id and i.email = lower((select auth.email()))
                   and i.accepted_at is null and i.expires_at > now() and i.role >= new.role) then
    return new;
  end if;
  -- Accepting a pending ownership transfer (private.accept_ownership) makes the recipient owner.
  if tg_op = 'UPDATE' and new.user_id = actor and new.role = 'owner' and old.role <> 'owner'
     and exists (select 1 from public.workspace_ownership_transfers t
                 where t.workspace_id = new.workspace_id and t.to_user_id = actor and t.expires_at > now()) then
    return new;
  end if;

  if signed_in then
    if tg_op = 'INSERT' then
      raise exception 'nobody adds a member directly: invite them (create_workspace_invitation) and they join by accepting'
        using errcode = '42501';
    end if;
    actor_role := (select m.role from public.workspace_members m
                   where m.workspace_id = target.workspace_id and m.user_id = actor);
    if tg_op = 'UPDATE' and new.user_id = actor and new.role > old.role then
      raise exception 'you cannot raise your own role' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and new.role = 'owner' and old.role <> 'owner' then
      raise exception 'ownership passes only when the member accepts it: offer it with transfer_workspace_ownership'
        using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and (actor_role is null or new.role > actor_role) then
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
comment on function private.guard_workspace_member() is 'BEFORE INSERT/UPDATE/DELETE on workspace_members: a signed-in user creates a membership only as the creator of a new workspace or by accepting an invitation (at most its role), becomes owner only by accepting a pending transfer, never raises their own role or grants above it, never changes a member above them; the last owner stays. Service role and migrations are not signed-in actors.';

-- Nobody adds a member directly: the policy goes (the guard above says why before RLS refuses).
drop policy "admins add" on public.workspace_members;

-- ===== ownership transfer: offer, then the recipient accepts
drop function public.transfer_workspace_ownership(uuid, uuid);

create function private.offer_ownership(p_workspace_id uuid, p_to_user_id uuid)
returns public.workspace_ownership_transfers
language plpgsql volatile security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  r public.workspace_ownership_transfers;
begin
  perform private.require_workspace_role(p_workspace_id, 'owner');
  if not exists (select 1 from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_to_user_id) then
    raise exception 'the new owner must already be a member of this workspace' using errcode = 'PT404';
  end if;
  if exists (select 1 from public.workspace_members m
             where m.workspace_id = p_workspace_id and m.user_id = p_to_user_id and m.role = 'owner') then
    raise exception 'this member is already an owner' using errcode = '22023';
  end if;
  insert into public.workspace_ownership_transfers as t (workspace_id, from_user_id, to_user_id)
  values (p_workspace_id, me, p_to_user_id)
  on conflict (workspace_id) do update
    set from_user_id = excluded.from_user_id, to_user_id = excluded.to_user_id, expires_at = excluded.expires_at
  returning * into r;
  return r;
end $$;
comment on function private.offer_ownership(uuid, uuid) is 'Definer half of transfer_workspace_ownership: an owner''s pending offer to a member (replacing an earlier offer of the workspace).';
revoke all on function private.offer_ownership(uuid, uuid) from public;
grant execute on function private.offer_ownership(uuid, uuid) to authenticated;

create function public.transfer_workspace_ownership(p_workspace_id uuid, p_new_owner uuid)
returns public.workspace_ownership_transfers
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_new_owner is null then
    raise exception 'workspace and new owner are required' using errcode = '22023';
  end if;
  if p_new_owner = (select auth.uid()) then
    raise exception 'you already own this workspace' using errcode = '22023';
  end if;
  return private.offer_ownership(p_workspace_id, p_new_owner);
end $$;
comment on function public.transfer_workspace_ownership(uuid, uuid) is 'Owner only: offers the workspace''s ownership to a member; nothing changes until they accept with accept_workspace_ownership (7 days). Returns the pending transfer. 22023 missing or self, 42501 not an owner, PT404 not a member.';
grant execute on function public.transfer_workspace_ownership(uuid, uuid) to authenticated;

create function private.accept_ownership(p_workspace_id uuid) returns public.workspace_members
language plpgsql volatile security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  t public.workspace_ownership_transfers;
  m public.workspace_members;
begin
  select * into t from public.workspace_ownership_transfers x
  where x.workspace_id = p_workspace_id and x.to_user_id = me for update;
  if not found then
    raise exception 'no ownership transfer is offered to you in this workspace' using errcode = 'PT404';
  end if;
  if t.expires_at <= now() then
    raise exception 'this ownership offer expired' using errcode = 'PT410', hint = 'ask the owner to offer it again';
  end if;
  if not exists (select 1 from public.workspace_members o
                 where o.workspace_id = p_workspace_id and o.user_id = t.from_user_id and o.role = 'owner') then
    raise exception 'the member who offered ownership is no longer an owner' using errcode = 'PT409';
  end if;
  update public.workspace_members x set role = 'owner' where x.workspace_id = p_workspace_id and x.user_id = me
  returning * into m;
  if not found then
    raise exception 'you are no longer a member of this workspace' using errcode = 'PT409';
  end if;
  update public.workspace_members x set role = 'admin' where x.workspace_id = p_workspace_id and x.user_id = t.from_user_id;
  delete from public.workspace_ownership_transfers x where x.workspace_id = p_workspace_id;
  return m;
end $$;
comment on function private.accept_ownership(uuid) is 'Definer half of accept_workspace_ownership: the recipient of a pending offer becomes owner, the offering owner admin.';
revoke all on function private.accept_ownership(uuid) from public;
grant execute on function private.accept_ownership(uuid) to authenticated;

create function public.accept_workspace_ownership(p_workspace_id uuid) returns public.workspace_members
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  return private.accept_ownership(p_workspace_id);
end $$;
comment on function public.accept_workspace_ownership(uuid) is 'The member offered ownership accepts: they become owner and the offering owner becomes admin. Returns the caller''s membership. PT404 no offer to the caller, PT410 expired, PT409 the offering member is no longer an owner or the caller no longer a member.';
grant execute on function public.accept_workspace_ownership(uuid) to authenticated;
