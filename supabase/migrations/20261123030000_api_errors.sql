-- Caller mistakes answer 4xx with a stable code (docs/api.md): P0002 became HTTP 500 through
-- PostgREST. Invitations say what is wrong with them (unknown 404, used 409, expired 410);
-- a transfer to a non-member is 404.

create or replace function private.accept_invitation(p_token text)
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

create or replace function public.accept_workspace_invitation(p_token text)
returns uuid
language plpgsql volatile set search_path = '' as $$
begin
  if p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception 'an invitation token is 64 hexadecimal characters' using errcode = '22023';
  end if;
  return private.accept_invitation(p_token);
end $$;

create or replace function public.transfer_workspace_ownership(p_workspace_id uuid, p_new_owner uuid)
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
